/**
 * /account/security: the signed-in user changes their password. The current password must be
 * right; the new one follows the shared NIST rule (lib/validation/user.ts). In one transaction
 * the hash changes, every session signed in before now ends (sessionsValidAfter) and the audit
 * record is written. The caller signs the current browser in again, so only it continues.
 */
import type { Db } from '../db/client.ts';
import type { Actor } from '../portal/types.ts';
import { newPasswordField } from '../validation/user.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { recordSecurityEvent } from './record-security-event.ts';
import { sessionsCutoff } from './session-validity.ts';

export class WrongCurrentPasswordError extends Error {
  constructor() {
    super('Your current password is not correct. Type it again, or use "Forgot password?" on the sign-in page.');
    this.name = 'WrongCurrentPasswordError';
  }
}

export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  now: Date = new Date(),
): Promise<void> {
  const newPassword = newPasswordField.parse(input.newPassword);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new WrongCurrentPasswordError();
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash, sessionsValidAfter: sessionsCutoff(now) } });
    await recordSecurityEvent(tx, { userId: actor.userId, action: 'user.password_changed', at: now });
  });
}
