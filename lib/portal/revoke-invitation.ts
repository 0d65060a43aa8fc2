/**
 * Withdraws a pending invitation (owners only): its link stops working at once and the invited
 * person sees that it was withdrawn. An invitation already accepted cannot be revoked (remove the
 * member instead); revoking twice is harmless.
 */
import type { Db } from '../db/client.ts';
import { isPlausibleId, requireTeamRole } from './access.ts';
import { recordAudit } from './audit.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import type { Actor } from './types.ts';

export async function revokeInvitation(db: Db, actor: Actor, teamId: string, invitationId: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    await requireTeamRole(tx, actor, teamId, 'owner', 'revoke invitations');
    if (!isPlausibleId(invitationId)) throw new NotFoundError('invitation');
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, teamId } });
    if (!invitation) throw new NotFoundError('invitation');
    if (invitation.revokedAt) return;
    if (invitation.acceptedAt) {
      throw ValidationError.of('', `${invitation.email} has already accepted this invitation. To take their access away, remove them from the members.`);
    }
    const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    if (count !== 1) throw ValidationError.of('', `${invitation.email} accepted this invitation a moment ago. Reload the page to see them among the members.`);
    await recordAudit(tx, { actor, action: 'team.invitation_revoked', teamId, details: { invitationId, email: invitation.email }, at: now });
  });
}
