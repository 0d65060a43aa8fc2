/** Adds an account to a group (by email address or id); adding a member twice changes nothing. */
import type { Db } from '../db/client.ts';
import { recordAudit } from '../portal/audit.ts';
import { parseInput } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import { groupMemberSchema, type GroupMemberInput } from '../validation/group.ts';
import { findAccount } from './find-account.ts';
import { loadGroupDetail } from './group-view.ts';
import { asOperator } from './operator.ts';
import type { GroupDetail } from './types.ts';

export async function addGroupMember(db: Db, actor: Actor, groupId: string, input: GroupMemberInput, now = new Date()): Promise<GroupDetail> {
  const who = parseInput(groupMemberSchema, input);
  return asOperator(db, actor, async (tx) => {
    const group = await loadGroupDetail(tx, groupId);
    const user = await findAccount(tx, who);
    if (group.memberList.some((m) => m.id === user.id)) return group;
    await tx.groupMember.create({ data: { groupId, userId: user.id, createdAt: now } });
    await recordAudit(tx, { actor, action: 'admin.group_member_added', details: { groupId, group: group.name, userId: user.id, email: user.email }, at: now });
    return loadGroupDetail(tx, groupId);
  });
}
