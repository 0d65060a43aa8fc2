/**
 * Sends a pending invitation again (owners only), also one that expired unused. Only the link's
 * hash is stored, so the link cannot be sent twice: a new one replaces it (the old link stops
 * working) and the 7 days start again. The caller mails the answered path (invitation-email.ts).
 * Accepted or revoked invitations cannot be resent: invite the person again instead.
 */
import type { Db } from '../db/client.ts';
import { randomSecret, sha256 } from '../oidc/tokens.ts';
import { isPlausibleId, requireTeamRole } from './access.ts';
import { recordAudit } from './audit.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { INVITATION_PREFIX, INVITATION_TTL_SECONDS } from './invite-member.ts';
import type { Actor, PendingInvitation, TeamRole } from './types.ts';

export async function resendInvitation(
  db: Db, actor: Actor, teamId: string, invitationId: string, now = new Date(),
): Promise<{ invitation: PendingInvitation; path: string }> {
  return db.$transaction(async (tx) => {
    await requireTeamRole(tx, actor, teamId, 'owner', 'resend invitations');
    if (!isPlausibleId(invitationId)) throw new NotFoundError('invitation');
    const found = await tx.invitation.findFirst({ where: { id: invitationId, teamId } });
    if (!found) throw new NotFoundError('invitation');
    if (found.acceptedAt) throw ValidationError.of('', `${found.email} has already accepted this invitation: they are a member now.`);
    if (found.revokedAt) throw ValidationError.of('', `This invitation was revoked. Invite ${found.email} again to send a new one.`);
    const token = randomSecret(INVITATION_PREFIX);
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_SECONDS * 1000);
    const { count } = await tx.invitation.updateMany({
      where: { id: found.id, acceptedAt: null, revokedAt: null },
      data: { tokenHash: sha256(token), expiresAt, invitedById: actor.userId },
    });
    if (count !== 1) throw ValidationError.of('', 'This invitation changed a moment ago. Reload the page and try again.');
    await recordAudit(tx, { actor, action: 'team.invitation_resent', teamId, details: { invitationId: found.id, email: found.email }, at: now });
    const invitation = { id: found.id, email: found.email, role: found.role as TeamRole, invitedById: actor.userId, expiresAt, createdAt: found.createdAt };
    return { invitation, path: `/invitations/${token}` };
  });
}
