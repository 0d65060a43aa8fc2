/**
 * Sign-in with a password and, for accounts with two-step verification, a second factor: a TOTP
 * code or a recovery code (lib/account/two-factor.ts). Returns the RFC 8176 methods used, which
 * become the session's `amr` and, through it, the ID token's `acr`/`amr` (lib/oidc/acr.ts).
 *
 * Guessing is rate-limited per account (NIST 800-63B §5.2.2): after PASSWORD_MAX_FAILURES wrong
 * passwords, or SECOND_FACTOR_MAX_FAILURES wrong codes, within FAILURE_WINDOW_MS (and since the
 * last successful sign-in or password reset), that step is refused until the window passes; a
 * password reset lifts the password limit at once. Failures are security events the user sees in
 * /account/activity, so someone trying their account, or holding their password, stands out.
 * Unknown emails are not counted there: there is no account to protect, and they cost the same
 * argon2 work as known ones (verify-password.ts).
 *
 * That audit count is read before the password is checked, so concurrent guesses could all pass
 * it. With `limits` (lib/rate-limit/policies.ts), each attempt first takes a point, atomically,
 * from the account's budget (keyed by the normalised email, known or not) and from the client
 * IP's; a refused attempt is 'locked' without any argon2 work. A right password resets the
 * account's count and gives the IP its point back, so the IP's count is of failures only. A
 * password reset lifts the account's limit only if its caller resets it (`limits.account.reset`).
 */
import type { Db } from '../db/client.ts';
import { recordSecurityEvent } from './record-security-event.ts';
import { isTwoFactorEnabled, verifySecondFactor } from './two-factor.ts';
import type { AuthMethod } from './user-sessions.ts';
import type { Limiter } from '../rate-limit/limiter.ts';
import { normaliseEmail } from '../rate-limit/keys.ts';
import { emailField } from '../validation/user.ts';
import { verifyUserPassword, type VerifiedUser } from './verify-password.ts';

export const PASSWORD_MAX_FAILURES = 10;
export const SECOND_FACTOR_MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

export type SignInFailure = 'credentials' | 'locked' | 'second_factor_required' | 'second_factor_invalid' | 'second_factor_locked';
export type SignInOutcome = { ok: true; user: VerifiedUser; amr: AuthMethod[] } | { ok: false; reason: SignInFailure };
export type SignInLimits = { account: Limiter; ip: Limiter };
type SignInInput = { email: string; password: string; code?: string | null; userAgent?: string | null; ip?: string | null };

export async function signIn(
  db: Db,
  key: string,
  input: SignInInput,
  now: Date = new Date(),
  limits?: SignInLimits,
): Promise<SignInOutcome> {
  if (limits && !(await takePasswordAttempt(limits, input))) return { ok: false, reason: 'locked' };
  const account = await findAccount(db, input.email);
  if (account && (await recentFailures(db, account.id, 'user.sign_in_failed', now)) >= PASSWORD_MAX_FAILURES) return { ok: false, reason: 'locked' };
  const user = await verifyUserPassword(db, input.email, input.password);
  if (!user) {
    if (account) await recordSecurityEvent(db, { userId: account.id, action: 'user.sign_in_failed', details: seenFrom(input.userAgent), at: now });
    return { ok: false, reason: 'credentials' };
  }
  if (limits) await passwordAccepted(limits, input);
  if (!(await isTwoFactorEnabled(db, user.id))) return { ok: true, user, amr: ['pwd'] };

  const code = input.code?.trim();
  if (!code) return { ok: false, reason: 'second_factor_required' };
  if ((await recentFailures(db, user.id, 'user.two_factor_failed', now)) >= SECOND_FACTOR_MAX_FAILURES) return { ok: false, reason: 'second_factor_locked' };
  const result = await verifySecondFactor(db, key, user.id, code, now);
  if (!result.ok) {
    await recordSecurityEvent(db, { userId: user.id, action: 'user.two_factor_failed', details: seenFrom(input.userAgent), at: now });
    return { ok: false, reason: 'second_factor_invalid' };
  }
  // RFC 8176 §2: "otp" for a TOTP code; either second factor makes the sign-in "mfa".
  return { ok: true, user, amr: result.method === 'otp' ? ['pwd', 'otp', 'mfa'] : ['pwd', 'mfa'] };
}

/** Takes a point from the IP's budget, then the account's; false when either is spent. */
async function takePasswordAttempt(limits: SignInLimits, input: SignInInput): Promise<boolean> {
  if (input.ip && !(await limits.ip.consume(input.ip)).allowed) return false;
  return (await limits.account.consume(normaliseEmail(input.email))).allowed;
}

async function passwordAccepted(limits: SignInLimits, input: SignInInput): Promise<void> {
  await Promise.all([input.ip ? limits.ip.reward(input.ip) : undefined, limits.account.reset(normaliseEmail(input.email))]);
}

const seenFrom = (userAgent: string | null | undefined) => (userAgent ? { userAgent: userAgent.slice(0, 512) } : {});

async function findAccount(db: Db, email: string): Promise<{ id: string } | null> {
  const parsed = emailField.safeParse(email);
  return parsed.success ? db.user.findUnique({ where: { email: parsed.data }, select: { id: true } }) : null;
}

/** Failures of one kind in the window, not counting those before a successful sign-in or reset. */
async function recentFailures(db: Db, userId: string, action: 'user.sign_in_failed' | 'user.two_factor_failed', now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const success = await db.auditEvent.findFirst({
    where: { actorUserId: userId, action: { in: ['user.signed_in', 'user.password_reset'] }, createdAt: { gt: windowStart } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const since = success?.createdAt ?? windowStart;
  return db.auditEvent.count({ where: { actorUserId: userId, action, createdAt: { gt: since } } });
}
