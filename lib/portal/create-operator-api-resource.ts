/**
 * Registers an operator-managed API (no team): the operator's path (CLI), with no actor and no
 * role check. Teams never see it in their API lists, but every developer can browse it and ask
 * for its scopes; the operator decides those requests with the CLI (decideOperatorApiAccess).
 */
import type { Db } from '../db/client.ts';
import { createApiResourceSchema, type CreateApiResourceInput } from '../validation/api-resource.ts';
import type { PublicApiResource } from './api-resource-types.ts';
import { toPublicApiResource } from './api-resource-view.ts';
import { isUniqueViolation } from './api-scope-rules.ts';
import { recordAudit } from './audit.ts';
import { parseInput, ValidationError } from './errors.ts';
import { IDENTIFIER_TAKEN, insertApiResource } from './insert-api-resource.ts';

export async function createOperatorApiResource(db: Db, input: CreateApiResourceInput, now = new Date()): Promise<PublicApiResource> {
  const values = parseInput(createApiResourceSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const row = await insertApiResource(tx, values, null, now);
      await recordAudit(tx, { actor: null, action: 'api.created', details: { resourceId: row.id, identifier: row.identifier, name: row.name }, at: now });
      return toPublicApiResource({ ...row, team: null, scopes: [] }, new Set());
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw ValidationError.of('identifier', IDENTIFIER_TAKEN);
    throw err;
  }
}
