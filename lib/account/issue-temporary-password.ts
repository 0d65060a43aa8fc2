/**
 * Passwords Portico generates for a person: the first administrator's (lib/server/first-run.ts)
 * and the one an operator issues with `portico user reset-password` for someone locked out.
 *
 * Such a password is shown to more eyes than the user's (a terminal, first-admin.txt), so it is
 * temporary (OWASP ASVS 4.0 V2.3.1: system-generated initial passwords must expire after a short
 * period and must not become the long-term password). It must be replaced at the next sign-in
 * (passwordChangeRequired: the change-password page comes before anything else) and stops working
 * TEMPORARY_PASSWORD_LIFETIME_MS after it was made (passwordExpiresAt; sign-in refuses it,
 * lib/account/sign-in.ts). Choosing a password (change or reset) clears both. 96 random bits, so
 * it need not follow the rule for chosen ones.
 *
 * Issuing one to an existing account is a reset done by the operator: in one transaction the
 * password is replaced, every session ends and every personal access token is revoked (as for a
 * reset by email, reset-password.ts), unused reset links are spent, and the event is recorded.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { revokeAllPersonalAccessTokens } from '../portal/revoke-personal-access-token.ts';
import type { Tx } from '../portal/transaction.ts';
import { emailField } from '../validation/user.ts';
import { hashPassword } from './password.ts';
import { recordSecurityEvent } from './record-security-event.ts';
import { endUserSessions } from './user-sessions.ts';

export const TEMPORARY_PASSWORD_LIFETIME_MS = 24 * 60 * 60 * 1000;

export function generateTemporaryPassword(): string {
  return randomBytes(12).toString('base64url');
}

/** Marks the account's current password as temporary; returns when it stops working. */
export async function markPasswordTemporary(db: Db | Tx, userId: string, now: Date = new Date()): Promise<Date> {
  const expiresAt = new Date(now.getTime() + TEMPORARY_PASSWORD_LIFETIME_MS);
  await db.user.update({ where: { id: userId }, data: { passwordChangeRequired: true, passwordExpiresAt: expiresAt } });
  return expiresAt;
}

export type IssuedTemporaryPassword = { userId: string; email: string; password: string; expiresAt: Date; endedSessions: string[] };

/** A new temporary password for the account with this email; null when there is none. */
export async function issueTemporaryPassword(db: Db, email: string, now: Date = new Date()): Promise<IssuedTemporaryPassword | null> {
  const parsed = emailField.safeParse(email);
  const user = parsed.success ? await db.user.findUnique({ where: { email: parsed.data }, select: { id: true, email: true } }) : null;
  if (!user) return null;
  const password = generateTemporaryPassword();
  const passwordHash = await hashPassword(password); // argon2 outside the transaction: no lock held meanwhile
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const expiresAt = await markPasswordTemporary(tx, user.id, now);
    await tx.emailToken.updateMany({ where: { userId: user.id, purpose: 'reset_password', usedAt: null }, data: { usedAt: now } });
    const endedSessions = await endUserSessions(tx, user.id, { now });
    const revokedTokens = await revokeAllPersonalAccessTokens(tx, user.id, now);
    await recordSecurityEvent(tx, { userId: user.id, action: 'user.temporary_password_issued', details: { personalAccessTokens: revokedTokens }, at: now });
    return { userId: user.id, email: user.email, password, expiresAt, endedSessions };
  });
}
