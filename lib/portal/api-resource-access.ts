/**
 * Who may do what with an API resource: the roles of its owning team (README.md "API
 * resources"), checked inside the use case's transaction like access.ts does for apps.
 *
 * - An unknown id, an API of a team the actor is not in, or an operator-managed API (no team,
 *   managed with the CLI): NotFoundError — one answer, so ids do not leak across teams.
 * - A member whose role is too low: ForbiddenError naming the role needed.
 */
import { isPlausibleId, requireRank } from './access.ts';
import type { ApiResourceRef } from './api-resource-types.ts';
import { NotFoundError } from './errors.ts';
import type { Tx } from './transaction.ts';
import type { Actor, TeamRole } from './types.ts';

export async function requireResourceRole(tx: Tx, actor: Actor, resourceId: string, needed: TeamRole, action: string) {
  if (!isPlausibleId(resourceId)) throw new NotFoundError('API');
  const resource = await tx.apiResource.findUnique({
    where: { id: resourceId },
    include: { team: { include: { members: { where: { userId: actor.userId } } } } },
  });
  const membership = resource?.team?.members[0];
  if (!resource || !resource.team || !membership) throw new NotFoundError('API');
  const role = membership.role as TeamRole;
  requireRank(role, needed, action, resource.team.name);
  const { members: _members, ...team } = resource.team;
  return { resource: { ...resource, team }, role };
}

/** Any API by id or identifier, whoever owns it (APIs are public to developers), or NotFoundError. */
export async function findResource(tx: Tx, ref: ApiResourceRef) {
  const resource =
    'id' in ref
      ? isPlausibleId(ref.id) ? await tx.apiResource.findUnique({ where: { id: ref.id }, include: { team: true, scopes: true } }) : null
      : ref.identifier.length <= 2048 ? await tx.apiResource.findUnique({ where: { identifier: ref.identifier }, include: { team: true, scopes: true } }) : null;
  if (!resource) throw new NotFoundError('API');
  return resource;
}

/** An operator-managed API (the CLI's path); a team's API is refused: its team manages it. */
export async function findOperatorResource(tx: Tx, ref: ApiResourceRef) {
  const resource = await findResource(tx, ref);
  if (resource.teamId !== null) throw new NotFoundError('operator-managed API');
  return resource;
}
