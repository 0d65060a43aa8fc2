/** A team's members (any member may see them) and its pending invitations (owners only): not accepted, revoked or expired. */
import type { Db } from '../db/client.ts';
import { hasRole, requireTeamRole } from './access.ts';
import type { Actor, PendingInvitation, TeamMemberSummary, TeamRole } from './types.ts';

export async function listMembers(
  db: Db, actor: Actor, teamId: string, now = new Date(),
): Promise<{ members: TeamMemberSummary[]; invitations: PendingInvitation[] }> {
  const { role } = await requireTeamRole(db, actor, teamId, 'viewer', 'see members');
  const rows = await db.teamMember.findMany({ where: { teamId }, include: { user: { select: { email: true, name: true } } }, orderBy: { createdAt: 'asc' } });
  const members = rows.map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role as TeamRole, joinedAt: m.createdAt }));
  if (!hasRole(role, 'owner')) return { members, invitations: [] };
  const pending = await db.invitation.findMany({ where: { teamId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, orderBy: { createdAt: 'desc' } });
  const invitations = pending.map((i) => ({
    id: i.id, email: i.email, role: i.role as TeamRole, invitedById: i.invitedById, expiresAt: i.expiresAt, createdAt: i.createdAt,
  }));
  return { members, invitations };
}
