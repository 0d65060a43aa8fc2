/**
 * /account/security (and /change-password, when a generated password must be replaced): the
 * signed-in user changes their password. The current password must be right
 * (verify-current-password.ts: re-authentication, limited per account); the new one follows the
 * shared NIST rule (lib/validation/user.ts). In one transaction the hash changes, a required
 * change and an expiry are lifted, every other session of the user ends
 * (lib/account/user-sessions.ts) and the audit record is written. The ids of the ended sessions
 * are returned, for back-channel logout.
 *
 * Personal access tokens survive a password change, as on GitHub: the user has just proved the
 * current password, and a routine rotation must not break their scripts and CI. The paths where
 * the account may have been in someone else's hands revoke them: a password reset (the password
 * was lost) and "sign out everywhere" (reset-password.ts, sign-out-everywhere.ts). The security
 * page says so next to the form.
 */
import type { Db } from '../db/client.ts';
import type { Limiter } from '../rate-limit/limiter.ts';
import { newPasswordField } from '../validation/user.ts';
import { hashPassword } from './password.ts';
import { recordSecurityEvent } from './record-security-event.ts';
import { endUserSessions } from './user-sessions.ts';
import { verifyCurrentPassword } from './verify-current-password.ts';

export { TooManyPasswordAttemptsError, WrongCurrentPasswordError } from './verify-current-password.ts';

export async function changePassword(
  db: Db,
  passwordAttempts: Limiter,
  actor: { userId: string; sessionId: string | null },
  input: { currentPassword: string; newPassword: string },
  now: Date = new Date(),
): Promise<{ endedSessions: string[] }> {
  const newPassword = newPasswordField.parse(input.newPassword);
  await verifyCurrentPassword(db, passwordAttempts, actor.userId, input.currentPassword);
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash, passwordChangeRequired: false, passwordExpiresAt: null } });
    const endedSessions = await endUserSessions(tx, actor.userId, { keep: actor.sessionId, now });
    // A pending email change may have been asked for by whoever knew the old password.
    await tx.emailToken.updateMany({ where: { userId: actor.userId, purpose: 'change_email', usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await recordSecurityEvent(tx, { userId: actor.userId, action: 'user.password_changed', at: now });
    return { endedSessions };
  });
}
