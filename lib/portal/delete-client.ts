/**
 * Deletes an app (owners only: it cannot be undone). In one transaction everything the app was
 * given stops working (purge-client.ts), and the deletion is audited.
 */
import type { Db } from '../db/client.ts';
import { requireClientRole } from './access.ts';
import { recordAudit } from './audit.ts';
import { purgeClient } from './purge-client.ts';
import type { Actor } from './types.ts';

export async function deleteClient(db: Db, actor: Actor, clientId: string): Promise<void> {
  const now = new Date();
  await db.$transaction(async (tx) => {
    const { client } = await requireClientRole(tx, actor, clientId, 'owner', 'delete apps');
    const revoked = await purgeClient(tx, client.id, now);
    await recordAudit(tx, {
      actor,
      action: 'client.deleted',
      teamId: client.team.id,
      clientId: client.id,
      details: { name: client.name, ...revoked },
      at: now,
    });
  });
}
