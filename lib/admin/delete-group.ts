/**
 * Deletes a group: its memberships and app assignments go with it (cascade). Members who could use
 * an app only through this group lose access to it at their next sign-in or refresh.
 */
import type { Db } from '../db/client.ts';
import { recordAudit } from '../portal/audit.ts';
import type { Actor } from '../portal/types.ts';
import { loadGroupDetail } from './group-view.ts';
import { asOperator } from './operator.ts';

export async function deleteGroup(db: Db, actor: Actor, groupId: string, now = new Date()): Promise<void> {
  await asOperator(db, actor, async (tx) => {
    const group = await loadGroupDetail(tx, groupId);
    await tx.group.delete({ where: { id: groupId } });
    await recordAudit(tx, { actor, action: 'admin.group_deleted', details: { groupId, name: group.name, members: group.members, apps: group.apps }, at: now });
  });
}
