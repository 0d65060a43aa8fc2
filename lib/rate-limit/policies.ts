/**
 * The rate limits, in one table: a budget of points per fixed window, per key. Each is sized for
 * real traffic behind shared addresses (offices, schools and mobile carriers put many people on
 * one IP), so it stops automated guessing and flooding without troubling people; the project's
 * own browser and integration tests, which all come from 127.0.0.1, stay well inside them.
 *
 * - signInPerIp: 50 wrong passwords per 15 minutes per IP. Only failures count (a right password
 *   gives its point back), so a busy shared address signing in all day is never refused, while
 *   one address spraying passwords across many accounts is.
 * - signInPerAccount: 10 password checks per 15 minutes per account (keyed by the normalised
 *   email, known or not), the same budget as the audit-based lock in lib/account/sign-in.ts
 *   (NIST SP 800-63B §5.2.2). A point is taken before argon2 runs, atomically, so concurrent
 *   guesses cannot slip past a count read earlier; a right password resets it.
 * - currentPasswordPerAccount: 10 wrong current passwords per 15 minutes per account (keyed by
 *   user id) for a signed-in user re-authenticating (change password or email, delete the account,
 *   two-step verification changes; lib/account/verify-current-password.ts). A stolen session must
 *   not become an unlimited password oracle (NIST SP 800-63B §5.2.2, OWASP ASVS V2.2.1). A point is
 *   taken before argon2 runs, atomically; a right password gives it back.
 * - tokenPerClient: 10,000 token requests per second per client_id, in each instance's memory
 *   (PORTICO_TOKEN_RATE_LIMIT changes it). Only a runaway or looping client reaches it; it never
 *   touches Redis (the hot path).
 * - registrationPerIp: 60 dynamic client registrations (RFC 7591) per hour per IP, attempts with a
 *   wrong initial access token included: enough for tools that register on each install.
 * - passwordResetPerIp: 20 reset requests per hour per IP, so the form cannot be used to mail-bomb
 *   many addresses. The form says so when it refuses.
 * - passwordResetPerEmail: 5 reset mails per hour per address, so one inbox cannot be flooded.
 *   Beyond it no mail is sent but the answer is unchanged (no account enumeration).
 * - signUpPerIp: 30 sign-ups per hour per IP, against scripted account creation; a workshop
 *   signing up together fits.
 * - userCodePerIp: 20 wrong device user codes per 15 minutes per IP (RFC 8628 §5.1: user codes
 *   are short, so guessing must be slowed). Only wrong codes count; a typo or two per person fits.
 * - verificationEmailPerAccount: 5 "send the confirmation email again" per hour per account (keyed
 *   by user id), so the button cannot be used to flood an inbox; a lost or filtered email or two fits.
 */
export type LimitPolicy = {
  /** Part of the storage key: changing it starts every count afresh. */
  name: string;
  points: number;
  durationSeconds: number;
};

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const POLICIES = {
  signInPerIp: { name: 'sign-in-ip', points: 50, durationSeconds: 15 * MINUTE },
  signInPerAccount: { name: 'sign-in-account', points: 10, durationSeconds: 15 * MINUTE },
  currentPasswordPerAccount: { name: 'current-password-account', points: 10, durationSeconds: 15 * MINUTE },
  tokenPerClient: { name: 'token-client', points: 10_000, durationSeconds: 1 },
  registrationPerIp: { name: 'registration-ip', points: 60, durationSeconds: HOUR },
  passwordResetPerIp: { name: 'password-reset-ip', points: 20, durationSeconds: HOUR },
  passwordResetPerEmail: { name: 'password-reset-email', points: 5, durationSeconds: HOUR },
  signUpPerIp: { name: 'sign-up-ip', points: 30, durationSeconds: HOUR },
  userCodePerIp: { name: 'user-code-ip', points: 20, durationSeconds: 15 * MINUTE },
  verificationEmailPerAccount: { name: 'verification-email-account', points: 5, durationSeconds: HOUR },
} as const satisfies Record<string, LimitPolicy>;

export type LimitName = keyof typeof POLICIES;
