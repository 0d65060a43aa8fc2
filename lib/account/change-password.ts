/**
 * /account/security: the signed-in user changes their password. The current password must be
 * right; the new one follows the shared NIST rule (lib/validation/user.ts). In one transaction
 * the hash changes, every other session of the user ends (lib/account/user-sessions.ts) and the
 * audit record is written. The ids of the ended sessions are returned, for back-channel logout.
 */
import type { Db } from '../db/client.ts';
import { newPasswordField } from '../validation/user.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { recordSecurityEvent } from './record-security-event.ts';
import { endUserSessions } from './user-sessions.ts';

export class WrongCurrentPasswordError extends Error {
  constructor() {
    super('Your current password is not correct. Type it again, or use "Forgot password?" on the sign-in page.');
    this.name = 'WrongCurrentPasswordError';
  }
}

export async function changePassword(
  db: Db,
  actor: { userId: string; sessionId: string | null },
  input: { currentPassword: string; newPassword: string },
  now: Date = new Date(),
): Promise<{ endedSessions: string[] }> {
  const newPassword = newPasswordField.parse(input.newPassword);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new WrongCurrentPasswordError();
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } });
    const endedSessions = await endUserSessions(tx, actor.userId, { keep: actor.sessionId, now });
    // A pending email change may have been asked for by whoever knew the old password.
    await tx.emailToken.updateMany({ where: { userId: actor.userId, purpose: 'change_email', usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await recordSecurityEvent(tx, { userId: actor.userId, action: 'user.password_changed', at: now });
    return { endedSessions };
  });
}
