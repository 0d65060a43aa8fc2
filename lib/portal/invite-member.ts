/**
 * Invites someone to a team by email (owners only). The invitation is a link,
 * `/invitations/inv_…`, carrying 256 random bits; only its SHA-256 hash is stored, so the link is
 * in the result once. It works once, for 7 days, for a signed-in user with that email
 * (accept-invitation.ts), unless an owner revokes it (revoke-invitation.ts). The caller mails it
 * after this commits (invitation-email.ts) and may show it to the owner to pass on.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { randomSecret, sha256 } from '../oidc/tokens.ts';
import { inviteMemberSchema, type InviteMemberInput } from '../validation/team.ts';
import { requireTeamRole } from './access.ts';
import { recordAudit } from './audit.ts';
import { parseInput, ValidationError } from './errors.ts';
import type { Actor, PendingInvitation, TeamRole } from './types.ts';

export const INVITATION_PREFIX = 'inv_';
export const INVITATION_TTL_SECONDS = 7 * 24 * 3600;

export async function inviteMember(
  db: Db, actor: Actor, teamId: string, input: InviteMemberInput, now = new Date(),
): Promise<{ invitation: PendingInvitation; path: string }> {
  const { email, role } = parseInput(inviteMemberSchema, input);
  return db.$transaction(async (tx) => {
    await requireTeamRole(tx, actor, teamId, 'owner', 'invite members');
    const member = await tx.teamMember.findFirst({ where: { teamId, user: { email } } });
    if (member) throw ValidationError.of('email', `${email} is already a member of this team.`);
    const token = randomSecret(INVITATION_PREFIX);
    const row = await tx.invitation.create({
      data: {
        id: randomUUID(), teamId, email, role, tokenHash: sha256(token), invitedById: actor.userId,
        createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_TTL_SECONDS * 1000),
      },
    });
    await recordAudit(tx, { actor, action: 'team.member_invited', teamId, details: { invitationId: row.id, email, role }, at: now });
    const invitation = { id: row.id, email, role: role as TeamRole, invitedById: actor.userId, expiresAt: row.expiresAt, createdAt: row.createdAt };
    return { invitation, path: `/invitations/${token}` };
  });
}
