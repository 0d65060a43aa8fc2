/**
 * Every API — of every team, and the operator's — as developers browse them to request access
 * for their apps: identifier, name, owner's name and scopes with their descriptions. APIs are
 * public to signed-in developers by design; team ids are shown only for the actor's own teams.
 */
import type { Db } from '../db/client.ts';
import type { PublicApiResource } from './api-resource-types.ts';
import { toPublicApiResource } from './api-resource-view.ts';
import type { Actor } from './types.ts';

export async function listPublicApiResources(db: Db, actor: Actor): Promise<PublicApiResource[]> {
  const memberships = await db.teamMember.findMany({ where: { userId: actor.userId }, select: { teamId: true } });
  return loadPublicApiResources(db, new Set(memberships.map((m) => m.teamId)));
}

/** Sorted by name, then identifier. */
export async function loadPublicApiResources(db: Db, memberOf: ReadonlySet<string>): Promise<PublicApiResource[]> {
  const rows = await db.apiResource.findMany({ include: { team: { select: { id: true, name: true } }, scopes: true }, orderBy: [{ name: 'asc' }, { identifier: 'asc' }] });
  return rows.map((row) => toPublicApiResource(row, memberOf));
}
