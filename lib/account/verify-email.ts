/**
 * /verify-email?token=…: spends a verification link and marks the address verified, in one
 * transaction with its audit record. The ID token's email_verified claim (OIDC Core §5.1)
 * reads User.emailVerified, so it reflects this from the next token on.
 */
import type { Db } from '../db/client.ts';
import { consumeEmailToken } from './email-tokens.ts';
import { recordSecurityEvent } from './record-security-event.ts';

export async function verifyEmail(db: Db, token: string, now: Date = new Date()): Promise<{ email: string }> {
  return db.$transaction(async (tx) => {
    const { userId } = await consumeEmailToken(tx, token, 'verify_email', now);
    const user = await tx.user.update({ where: { id: userId }, data: { emailVerified: true }, select: { email: true } });
    await recordSecurityEvent(tx, { userId, action: 'user.email_verified', details: { email: user.email }, at: now });
    return { email: user.email };
  });
}
