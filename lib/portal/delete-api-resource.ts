/**
 * Deletes an API (owners only: it cannot be undone). Its scopes, access requests and approvals
 * and resource servers go with it (cascade) in the same transaction as the audit record; apps
 * can no longer get tokens for it. Tokens already issued are not revoked here: they expire on their
 * own (access tokens live at most 24 hours).
 */
import type { Db } from '../db/client.ts';
import { requireResourceRole } from './api-resource-access.ts';
import { recordAudit } from './audit.ts';
import type { Actor } from './types.ts';

export async function deleteApiResource(db: Db, actor: Actor, resourceId: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const { resource } = await requireResourceRole(tx, actor, resourceId, 'owner', 'delete APIs');
    const [scopes, access] = await Promise.all([tx.apiScope.count({ where: { resourceId: resource.id } }), tx.apiAccess.count({ where: { resourceId: resource.id } })]);
    await tx.apiResource.delete({ where: { id: resource.id } });
    await recordAudit(tx, {
      actor, action: 'api.deleted', teamId: resource.team.id,
      details: { resourceId: resource.id, identifier: resource.identifier, name: resource.name, scopes, accessRequests: access }, at: now,
    });
  });
}
