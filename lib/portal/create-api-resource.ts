/**
 * Registers an API owned by a team (portal and REST API): owners and developers may. The
 * identifier is checked by the shared schema (RFC 8707 §2, lib/validation/api-resource.ts) and
 * must not be registered already. Scopes are added afterwards (addApiScope).
 */
import type { Db } from '../db/client.ts';
import { createApiResourceSchema, type CreateApiResourceInput } from '../validation/api-resource.ts';
import { requireTeamRole } from './access.ts';
import type { ApiResourceDetail } from './api-resource-types.ts';
import { toApiResourceDetail } from './api-resource-view.ts';
import { isUniqueViolation } from './api-scope-rules.ts';
import { recordAudit } from './audit.ts';
import { parseInput, ValidationError } from './errors.ts';
import { IDENTIFIER_TAKEN, insertApiResource } from './insert-api-resource.ts';
import type { Actor } from './types.ts';

export async function createApiResource(db: Db, actor: Actor, teamId: string, input: CreateApiResourceInput, now = new Date()): Promise<ApiResourceDetail> {
  const values = parseInput(createApiResourceSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const { team, role } = await requireTeamRole(tx, actor, teamId, 'developer', 'create APIs');
      const row = await insertApiResource(tx, values, team.id, now);
      await recordAudit(tx, { actor, action: 'api.created', teamId: team.id, details: { resourceId: row.id, identifier: row.identifier, name: row.name }, at: now });
      return toApiResourceDetail({ ...row, scopes: [], servers: [] }, team, role);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw ValidationError.of('identifier', IDENTIFIER_TAKEN);
    throw err;
  }
}
