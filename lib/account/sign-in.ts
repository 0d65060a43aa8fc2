/**
 * Sign-in with a password and, for accounts with two-step verification, a second factor: a TOTP
 * code or a recovery code (lib/account/two-factor.ts). Returns the RFC 8176 methods used, which
 * become the session's `amr` and, through it, the ID token's `acr`/`amr` (lib/oidc/acr.ts).
 *
 * Guessing codes needs the password first; even so, after SECOND_FACTOR_MAX_FAILURES wrong codes
 * within SECOND_FACTOR_WINDOW_MS the second step is refused until the window passes (NIST
 * 800-63B §5.2.2 rate limiting). The failures are security events the user sees, so a stolen
 * password shows up in /account/activity.
 */
import type { Db } from '../db/client.ts';
import { recordSecurityEvent } from './record-security-event.ts';
import { isTwoFactorEnabled, verifySecondFactor } from './two-factor.ts';
import type { AuthMethod } from './user-sessions.ts';
import { verifyUserPassword, type VerifiedUser } from './verify-password.ts';

export const SECOND_FACTOR_MAX_FAILURES = 5;
export const SECOND_FACTOR_WINDOW_MS = 15 * 60_000;

export type SignInFailure = 'credentials' | 'second_factor_required' | 'second_factor_invalid' | 'second_factor_locked';
export type SignInOutcome = { ok: true; user: VerifiedUser; amr: AuthMethod[] } | { ok: false; reason: SignInFailure };

export async function signIn(
  db: Db,
  key: string,
  input: { email: string; password: string; code?: string | null },
  now: Date = new Date(),
): Promise<SignInOutcome> {
  const user = await verifyUserPassword(db, input.email, input.password);
  if (!user) return { ok: false, reason: 'credentials' };
  if (!(await isTwoFactorEnabled(db, user.id))) return { ok: true, user, amr: ['pwd'] };

  const code = input.code?.trim();
  if (!code) return { ok: false, reason: 'second_factor_required' };
  if ((await recentFailures(db, user.id, now)) >= SECOND_FACTOR_MAX_FAILURES) return { ok: false, reason: 'second_factor_locked' };
  const result = await verifySecondFactor(db, key, user.id, code, now);
  if (!result.ok) {
    await recordSecurityEvent(db, { userId: user.id, action: 'user.two_factor_failed', at: now });
    return { ok: false, reason: 'second_factor_invalid' };
  }
  // RFC 8176 §2: "otp" for a TOTP code; either second factor makes the sign-in "mfa".
  return { ok: true, user, amr: result.method === 'otp' ? ['pwd', 'otp', 'mfa'] : ['pwd', 'mfa'] };
}

function recentFailures(db: Db, userId: string, now: Date): Promise<number> {
  return db.auditEvent.count({
    where: { actorUserId: userId, action: 'user.two_factor_failed', createdAt: { gt: new Date(now.getTime() - SECOND_FACTOR_WINDOW_MS) } },
  });
}
