/**
 * Adds a scope to an API of the actor's team (owners and developers). Scope names are unique
 * across all APIs (api-scope-rules.ts): a name another API defines is a field error that does
 * not say which API.
 */
import type { Db } from '../db/client.ts';
import { addApiScopeSchema, type AddApiScopeInput } from '../validation/api-resource.ts';
import { requireResourceRole } from './api-resource-access.ts';
import type { ApiScopeSummary } from './api-resource-types.ts';
import { insertApiScope, isUniqueViolation, SCOPE_TAKEN } from './api-scope-rules.ts';
import { recordAudit } from './audit.ts';
import { parseInput, ValidationError } from './errors.ts';
import type { Actor } from './types.ts';

export async function addApiScope(db: Db, actor: Actor, resourceId: string, input: AddApiScopeInput, now = new Date()): Promise<ApiScopeSummary> {
  const values = parseInput(addApiScopeSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const { resource } = await requireResourceRole(tx, actor, resourceId, 'developer', 'change an API’s scopes');
      const row = await insertApiScope(tx, resource.id, values, now);
      await recordAudit(tx, { actor, action: 'api.scope_added', teamId: resource.team.id, details: { resourceId: resource.id, scope: row.name }, at: now });
      return { name: row.name, description: row.description, createdAt: row.createdAt };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw ValidationError.of('name', SCOPE_TAKEN);
    throw err;
  }
}
