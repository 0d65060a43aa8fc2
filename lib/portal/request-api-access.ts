/**
 * An app asks for scopes of an API (owners and developers of the APP's team). Every scope must be
 * one the API defines. The request replaces the app's previous one for that API:
 * - an app of the team that owns the API is approved at once, as it asks;
 * - a request within what is already approved is settled at once (narrowing needs no approval);
 * - otherwise it waits for the API's team (decideApiAccess) or, for an operator-managed API, the
 *   operator (CLI). Scopes approved earlier and still requested stay approved meanwhile. An app
 *   whose request was rejected may ask again.
 */
import type { Db } from '../db/client.ts';
import { requestApiAccessSchema, type RequestApiAccessInput } from '../validation/api-resource.ts';
import { requireClientRole } from './access.ts';
import { findResource } from './api-resource-access.ts';
import type { ApiResourceRef, AppApiAccess } from './api-resource-types.ts';
import { scopeList, toAccessState } from './api-resource-view.ts';
import { requireScopesOf } from './api-scope-rules.ts';
import { recordAudit } from './audit.ts';
import { parseInput } from './errors.ts';
import type { Actor } from './types.ts';

export async function requestApiAccess(
  db: Db, actor: Actor, clientId: string, resourceRef: ApiResourceRef, input: RequestApiAccessInput, now = new Date(),
): Promise<AppApiAccess> {
  const { scopes } = parseInput(requestApiAccessSchema, input);
  return db.$transaction(async (tx) => {
    const { client } = await requireClientRole(tx, actor, clientId, 'developer', 'request access to APIs');
    const resource = await findResource(tx, resourceRef);
    requireScopesOf(resource.scopes.map((s) => s.name), scopes, 'scopes');
    const key = { resourceId_clientId: { resourceId: resource.id, clientId: client.id } };
    const existing = await tx.apiAccess.findUnique({ where: key });
    const approvedBefore = existing ? scopeList(existing.approvedScope) : [];
    const sameTeam = resource.teamId === client.team.id;
    const settled = sameTeam || scopes.every((s) => approvedBefore.includes(s));
    const approved = settled ? scopes : approvedBefore.filter((s) => scopes.includes(s));
    const data = { requestedScope: scopes.join(' '), approvedScope: approved.join(' '), requestedAt: now, decidedAt: settled ? now : null };
    const row = await tx.apiAccess.upsert({ where: key, create: { resourceId: resource.id, clientId: client.id, ...data }, update: data });
    await recordAudit(tx, {
      actor,
      action: settled ? 'api.access_approved' : 'api.access_requested',
      teamId: client.team.id,
      clientId: client.id,
      details: { resourceId: resource.id, identifier: resource.identifier, scopes, ...(settled ? { approvedAutomatically: sameTeam ? 'same_team' : 'already_approved' } : {}) },
      at: now,
    });
    return {
      ...toAccessState(row),
      resource: { id: resource.id, identifier: resource.identifier, name: resource.name, ownerName: resource.team?.name ?? null },
    };
  });
}
