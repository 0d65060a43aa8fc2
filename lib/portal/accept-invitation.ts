/**
 * Accepts an invitation link for the signed-in user. The link works once (the acceptance is a
 * conditional update, so two concurrent accepts cannot both succeed, nor an accept and a revoke),
 * until it expires or an owner revokes it, and only for the user whose email it was sent to.
 * Someone already in the team keeps their role.
 */
import type { Db } from '../db/client.ts';
import { sha256 } from '../oidc/tokens.ts';
import { recordAudit } from './audit.ts';
import { ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import type { Actor, TeamRole, TeamSummary } from './types.ts';

export const REVOKED_INVITATION_MESSAGE = 'This invitation was withdrawn by a team owner. Ask them to invite you again if you still need access.';

export async function acceptInvitation(db: Db, actor: Actor, token: string, now = new Date()): Promise<TeamSummary> {
  if (token.length > 200) throw new NotFoundError('invitation'); // hashed before any query, so any content is safe
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: sha256(token) }, include: { team: true } });
    if (!invitation) throw new NotFoundError('invitation');
    if (invitation.acceptedAt) throw ValidationError.of('token', 'This invitation has already been used. Ask a team owner for a new one.');
    if (invitation.revokedAt) throw ValidationError.of('token', REVOKED_INVITATION_MESSAGE);
    if (invitation.expiresAt <= now) throw ValidationError.of('token', 'This invitation has expired. Ask a team owner for a new one.');
    const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { email: true } });
    if (!user || user.email !== invitation.email) {
      throw new ForbiddenError('This invitation was sent to a different email address. Sign in with the address it was sent to.');
    }
    const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: now } });
    if (count !== 1) throw ValidationError.of('token', 'This invitation has already been used. Ask a team owner for a new one.');
    const key = { teamId_userId: { teamId: invitation.teamId, userId: actor.userId } };
    const membership =
      (await tx.teamMember.findUnique({ where: key })) ??
      (await tx.teamMember.create({ data: { teamId: invitation.teamId, userId: actor.userId, role: invitation.role, createdAt: now } }));
    await recordAudit(tx, {
      actor, action: 'team.member_joined', teamId: invitation.teamId, details: { invitationId: invitation.id, role: membership.role }, at: now,
    });
    const { team } = invitation;
    return { id: team.id, name: team.name, role: membership.role as TeamRole, personal: team.personalForUserId === actor.userId, createdAt: team.createdAt };
  });
}
