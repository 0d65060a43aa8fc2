/**
 * "Forgot password?": when the address belongs to an account, a reset link (valid 1 hour, once)
 * is mailed to it. The caller answers the same either way ("If an account exists, we sent a
 * link"), so the form cannot be used to discover which emails are registered; this function
 * returns nothing for the same reason.
 */
import type { Db } from '../db/client.ts';
import { emailField } from '../validation/user.ts';
import { issueEmailToken } from './email-tokens.ts';
import type { Mailer } from './mailer.ts';
import { recordSecurityEvent } from './record-security-event.ts';

export async function requestPasswordReset(
  db: Db,
  mailer: Mailer,
  input: { email: string; issuer: string; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  const email = emailField.safeParse(input.email);
  if (!email.success) return;
  const user = await db.user.findUnique({ where: { email: email.data }, select: { id: true, email: true } });
  if (!user) return;
  const token = await db.$transaction(async (tx) => {
    const issued = await issueEmailToken(tx, { userId: user.id, purpose: 'reset_password', now });
    await recordSecurityEvent(tx, { userId: user.id, action: 'user.password_reset_requested', at: now });
    return issued.token;
  });
  await mailer.send({
    to: user.email,
    subject: 'Reset your Portico password',
    text: [
      'Someone (hopefully you) asked to reset the password of your Portico account.',
      'Choose a new password here:',
      '',
      `${input.issuer}/reset-password?token=${encodeURIComponent(token)}`,
      '',
      'The link works once and expires in 1 hour. Setting a new password signs you out everywhere.',
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ].join('\n'),
  });
}
