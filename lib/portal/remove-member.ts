/**
 * Removes a member from a team: owners remove anyone, any member may remove themselves (leave).
 * The last owner stays, and so does a personal team's user (member-rules.ts).
 */
import type { Db } from '../db/client.ts';
import { requireTeamRole } from './access.ts';
import { recordAudit } from './audit.ts';
import { requireMemberChangeAllowed } from './member-rules.ts';
import type { Actor } from './types.ts';

export async function removeMember(db: Db, actor: Actor, teamId: string, userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const leaving = userId === actor.userId;
    await requireTeamRole(tx, actor, teamId, leaving ? 'viewer' : 'owner', 'remove members');
    const member = await requireMemberChangeAllowed(tx, teamId, userId, null);
    await tx.teamMember.delete({ where: { teamId_userId: { teamId, userId } } });
    await recordAudit(tx, { actor, action: leaving ? 'team.member_left' : 'team.member_removed', teamId, details: { userId, role: member.role } });
  });
}
