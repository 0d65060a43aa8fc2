/** Takes an account out of a group; apps it could use only through the group refuse it from its next sign-in or refresh. */
import type { Db } from '../db/client.ts';
import { recordAudit } from '../portal/audit.ts';
import { NotFoundError } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import { loadGroupDetail } from './group-view.ts';
import { asOperator } from './operator.ts';
import type { GroupDetail } from './types.ts';

export async function removeGroupMember(db: Db, actor: Actor, groupId: string, userId: string, now = new Date()): Promise<GroupDetail> {
  return asOperator(db, actor, async (tx) => {
    const group = await loadGroupDetail(tx, groupId);
    const member = group.memberList.find((m) => m.id === userId);
    if (!member) throw new NotFoundError('group member');
    await tx.groupMember.delete({ where: { groupId_userId: { groupId, userId } } });
    await recordAudit(tx, { actor, action: 'admin.group_member_removed', details: { groupId, group: group.name, userId, email: member.email }, at: now });
    return loadGroupDetail(tx, groupId);
  });
}
