/**
 * /reset-password: spends a reset link and sets the new password (the shared NIST rule,
 * lib/validation/user.ts). In the same transaction every session of the user ends
 * (lib/account/user-sessions.ts), every personal access token is revoked (a reset means the
 * account may have been in someone else's hands, and they may have minted one), every other
 * unused reset link of the user is spent, a required password change or expiry is lifted (the
 * user chose this password), and the audit record is written. The ended sessions are returned,
 * for back-channel logout.
 */
import type { Db } from '../db/client.ts';
import { revokeAllPersonalAccessTokens } from '../portal/revoke-personal-access-token.ts';
import { newPasswordField } from '../validation/user.ts';
import { consumeEmailToken } from './email-tokens.ts';
import { hashPassword } from './password.ts';
import { recordSecurityEvent } from './record-security-event.ts';
import { endUserSessions } from './user-sessions.ts';

export async function resetPassword(db: Db, input: { token: string; password: string }, now: Date = new Date()): Promise<{ email: string; userId: string; endedSessions: string[] }> {
  const password = newPasswordField.parse(input.password);
  const passwordHash = await hashPassword(password); // argon2 outside the transaction: no lock held meanwhile
  return db.$transaction(async (tx) => {
    const { userId } = await consumeEmailToken(tx, input.token, 'reset_password', now);
    const user = await tx.user.update({
      where: { id: userId },
      // Receiving the link proves the address too.
      data: { passwordHash, emailVerified: true, passwordChangeRequired: false, passwordExpiresAt: null },
      select: { email: true },
    });
    await tx.emailToken.updateMany({ where: { userId, purpose: 'reset_password', usedAt: null }, data: { usedAt: now } });
    const endedSessions = await endUserSessions(tx, userId, { now });
    const revokedTokens = await revokeAllPersonalAccessTokens(tx, userId, now);
    await recordSecurityEvent(tx, { userId, action: 'user.password_reset', details: { personalAccessTokens: revokedTokens }, at: now });
    return { email: user.email, userId, endedSessions };
  });
}
