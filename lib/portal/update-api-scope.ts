/** Rewords a scope of an API of the actor's team (owners and developers); the name never changes. */
import type { Db } from '../db/client.ts';
import { updateApiScopeSchema, type UpdateApiScopeInput } from '../validation/api-resource.ts';
import { isPlausibleId } from './access.ts';
import { requireResourceRole } from './api-resource-access.ts';
import type { ApiScopeSummary } from './api-resource-types.ts';
import { recordAudit } from './audit.ts';
import { NotFoundError, parseInput } from './errors.ts';
import type { Actor } from './types.ts';

export async function updateApiScope(db: Db, actor: Actor, resourceId: string, name: string, input: UpdateApiScopeInput, now = new Date()): Promise<ApiScopeSummary> {
  const { description } = parseInput(updateApiScopeSchema, input);
  return db.$transaction(async (tx) => {
    const { resource } = await requireResourceRole(tx, actor, resourceId, 'developer', 'change an API’s scopes');
    const scope = isPlausibleId(String(name)) ? await tx.apiScope.findUnique({ where: { name: String(name) } }) : null;
    if (!scope || scope.resourceId !== resource.id) throw new NotFoundError('scope');
    const row = await tx.apiScope.update({ where: { name: scope.name }, data: { description } });
    await recordAudit(tx, { actor, action: 'api.scope_updated', teamId: resource.team.id, details: { resourceId: resource.id, scope: row.name }, at: now });
    return { name: row.name, description: row.description, createdAt: row.createdAt };
  });
}
