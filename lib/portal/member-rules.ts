/**
 * Rules every membership change keeps: a team always has an owner, and a personal team always
 * keeps its user as owner (ensure-personal-team.ts finds it by that membership).
 */
import { isPlausibleId } from './access.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import type { Tx } from './transaction.ts';
import type { TeamRole } from './types.ts';

export async function requireMemberChangeAllowed(tx: Tx, teamId: string, userId: string, newRole: TeamRole | null) {
  if (!isPlausibleId(userId)) throw new NotFoundError('member');
  const member = await tx.teamMember.findUnique({
    where: { teamId_userId: { teamId, userId } },
    include: { team: { select: { personalForUserId: true } }, user: { select: { email: true, name: true } } },
  });
  if (!member) throw new NotFoundError('member');
  if (member.role === 'owner' && newRole !== 'owner') {
    if (member.team.personalForUserId === userId) {
      throw ValidationError.of('userId', 'This is their personal team: they stay its owner. Create a shared team to hand apps over.');
    }
    const owners = await tx.teamMember.count({ where: { teamId, role: 'owner' } });
    if (owners <= 1) throw ValidationError.of('userId', 'A team needs at least one owner: make someone else an owner first.');
  }
  return member;
}
