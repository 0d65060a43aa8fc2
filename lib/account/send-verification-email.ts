/**
 * After sign-up: a link to /verify-email that proves the user reads the address they gave
 * (valid 24 hours, once). Sent after the token is stored, never inside the transaction.
 */
import type { Db } from '../db/client.ts';
import { issueEmailToken } from './email-tokens.ts';
import type { Mailer } from './mailer.ts';

export async function sendVerificationEmail(
  db: Db,
  mailer: Mailer,
  input: { userId: string; issuer: string; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  const user = await db.user.findUniqueOrThrow({ where: { id: input.userId }, select: { id: true, email: true, emailVerified: true } });
  if (user.emailVerified) return;
  const { token } = await issueEmailToken(db, { userId: user.id, purpose: 'verify_email', now });
  const link = `${input.issuer}/verify-email?token=${encodeURIComponent(token)}`;
  await mailer.send({
    to: user.email,
    subject: 'Confirm your email address for Portico',
    text: [
      'Confirm that this is your email address by opening this link:',
      '',
      link,
      '',
      'The link works once and expires in 24 hours.',
      'If you did not create a Portico account, you can ignore this email.',
    ].join('\n'),
  });
}
