/**
 * Edits an API (owners and developers): name, description, token format (RFC 9068 JWT or opaque)
 * and access token lifetime (60 s – 24 h). The identifier never changes: it is the audience of
 * tokens already issued, so a patch naming it is a field error. Applies to tokens issued next.
 */
import type { Db } from '../db/client.ts';
import { updateApiResourceSchema, type UpdateApiResourceInput } from '../validation/api-resource.ts';
import { requireResourceRole } from './api-resource-access.ts';
import type { ApiResourceDetail } from './api-resource-types.ts';
import { toApiResourceDetail } from './api-resource-view.ts';
import { recordAudit } from './audit.ts';
import { parseInput } from './errors.ts';
import type { Actor } from './types.ts';

export async function updateApiResource(db: Db, actor: Actor, resourceId: string, patch: UpdateApiResourceInput, now = new Date()): Promise<ApiResourceDetail> {
  const { identifier: _identifier, ...values } = parseInput(updateApiResourceSchema, patch);
  const fields = Object.entries(values).filter(([, v]) => v !== undefined).map(([k]) => k);
  return db.$transaction(async (tx) => {
    const { resource, role } = await requireResourceRole(tx, actor, resourceId, 'developer', 'edit APIs');
    const row = fields.length ? await tx.apiResource.update({ where: { id: resource.id }, data: { ...values, updatedAt: now } }) : resource;
    if (fields.length) await recordAudit(tx, { actor, action: 'api.updated', teamId: resource.team.id, details: { resourceId: resource.id, fields }, at: now });
    const [scopes, servers] = await Promise.all([
      tx.apiScope.findMany({ where: { resourceId: resource.id } }),
      tx.apiResourceServer.findMany({ where: { resourceId: resource.id }, include: { client: { select: { id: true, name: true } } } }),
    ]);
    return toApiResourceDetail({ ...row, scopes, servers }, resource.team, role);
  });
}
