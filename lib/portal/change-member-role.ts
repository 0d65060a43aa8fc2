/** Changes a member's role (owners only); the last owner cannot be demoted (member-rules.ts). */
import type { Db } from '../db/client.ts';
import { teamRoleField } from '../validation/team.ts';
import { requireTeamRole } from './access.ts';
import { recordAudit } from './audit.ts';
import { parseInput } from './errors.ts';
import { requireMemberChangeAllowed } from './member-rules.ts';
import type { Actor, TeamMemberSummary, TeamRole } from './types.ts';

export async function changeMemberRole(db: Db, actor: Actor, teamId: string, userId: string, role: TeamRole): Promise<TeamMemberSummary> {
  const newRole = parseInput(teamRoleField, role);
  return db.$transaction(async (tx) => {
    await requireTeamRole(tx, actor, teamId, 'owner', 'change roles');
    const member = await requireMemberChangeAllowed(tx, teamId, userId, newRole);
    if (member.role !== newRole) {
      await tx.teamMember.update({ where: { teamId_userId: { teamId, userId } }, data: { role: newRole } });
      await recordAudit(tx, { actor, action: 'team.member_role_changed', teamId, details: { userId, from: member.role, to: newRole } });
    }
    return { userId, email: member.user.email, name: member.user.name, role: newRole, joinedAt: member.createdAt };
  });
}
