/**
 * Removes a scope from an API of the actor's team (owners and developers). In the same
 * transaction it is taken out of every app's requested and approved scopes (an app's request
 * left with nothing is deleted), so no app keeps a scope that no longer exists — and a later
 * scope with the same name, perhaps another API's, starts with no approvals.
 */
import type { Db } from '../db/client.ts';
import { isPlausibleId } from './access.ts';
import { requireResourceRole } from './api-resource-access.ts';
import { stripScopeFromAccess } from './api-scope-rules.ts';
import { recordAudit } from './audit.ts';
import { NotFoundError } from './errors.ts';
import type { Actor } from './types.ts';

export async function removeApiScope(db: Db, actor: Actor, resourceId: string, name: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const { resource } = await requireResourceRole(tx, actor, resourceId, 'developer', 'change an API’s scopes');
    const scope = isPlausibleId(String(name)) ? await tx.apiScope.findUnique({ where: { name: String(name) } }) : null;
    if (!scope || scope.resourceId !== resource.id) throw new NotFoundError('scope');
    await tx.apiScope.delete({ where: { name: scope.name } });
    const apps = await stripScopeFromAccess(tx, resource.id, scope.name);
    await recordAudit(tx, { actor, action: 'api.scope_removed', teamId: resource.team.id, details: { resourceId: resource.id, scope: scope.name, appsAffected: apps }, at: now });
  });
}
