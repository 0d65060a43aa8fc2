/**
 * Adds a scope to an operator-managed API: the operator's path (CLI), no actor. The same rules
 * as addApiScope: RFC 6749 §3.3 syntax, no standard OpenID Connect scope, unique across all APIs.
 */
import type { Db } from '../db/client.ts';
import { addApiScopeSchema, type AddApiScopeInput } from '../validation/api-resource.ts';
import { findOperatorResource } from './api-resource-access.ts';
import type { ApiResourceRef, ApiScopeSummary } from './api-resource-types.ts';
import { insertApiScope, isUniqueViolation, SCOPE_TAKEN } from './api-scope-rules.ts';
import { recordAudit } from './audit.ts';
import { parseInput, ValidationError } from './errors.ts';

export async function addOperatorApiScope(
  db: Db, resourceRef: ApiResourceRef, input: AddApiScopeInput, now = new Date(),
): Promise<ApiScopeSummary & { resource: { id: string; identifier: string } }> {
  const values = parseInput(addApiScopeSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const resource = await findOperatorResource(tx, resourceRef);
      const row = await insertApiScope(tx, resource.id, values, now);
      await recordAudit(tx, { actor: null, action: 'api.scope_added', details: { resourceId: resource.id, scope: row.name }, at: now });
      return { name: row.name, description: row.description, createdAt: row.createdAt, resource: { id: resource.id, identifier: resource.identifier } };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw ValidationError.of('name', SCOPE_TAKEN);
    throw err;
  }
}
