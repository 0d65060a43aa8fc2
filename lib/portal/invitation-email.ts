/**
 * The email that carries a team invitation link (invite-member.ts, resend-invitation.ts): who
 * invited them, to which team, as what, and until when. Sent after the invitation is committed,
 * never inside its transaction; the portal also shows the link once, so an owner can pass it on
 * when mail does not arrive (with no SMTP server configured, mail lands in the local outbox).
 */
import type { Mailer } from '../account/mailer.ts';
import type { Db } from '../db/client.ts';
import type { TeamRole } from './types.ts';

const ROLE_WORDS: Record<TeamRole, string> = {
  owner: 'an owner (manages apps, members and invitations)',
  developer: 'a developer (creates and changes apps)',
  viewer: 'a viewer (sees apps, changes nothing)',
};

export async function sendInvitationEmail(
  db: Db,
  mailer: Mailer,
  input: { invitationId: string; url: string },
): Promise<void> {
  const invitation = await db.invitation.findUniqueOrThrow({ where: { id: input.invitationId }, include: { team: { select: { name: true } } } });
  const inviter = await db.user.findUnique({ where: { id: invitation.invitedById }, select: { email: true, name: true } });
  const who = inviter ? (inviter.name ? `${inviter.name} (${inviter.email})` : inviter.email) : 'A team owner';
  await mailer.send({
    to: invitation.email,
    subject: `Join ${invitation.team.name} on Portico`,
    text: [
      `${who} invited you to join the team "${invitation.team.name}" on the Portico developer portal as ${ROLE_WORDS[invitation.role as TeamRole]}.`,
      '',
      'Accept the invitation here:',
      '',
      input.url,
      '',
      `The link works once, until ${invitation.expiresAt.toUTCString()}, for ${invitation.email} only:`,
      'sign in with that address (or create an account with it) after opening it.',
      'If you did not expect this, you can ignore this email.',
    ].join('\n'),
  });
}
