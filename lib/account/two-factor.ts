/**
 * Two-step verification with an authenticator app (TOTP, RFC 6238) and one-time recovery codes.
 * - The TOTP secret is stored sealed (lib/crypto/secret-box.ts, purpose 'totp-secret'); a secret
 *   with totpEnabledAt null is an enrolment started but not yet confirmed with a code.
 * - A code is accepted once: the accepted time step is written with a conditional update
 *   (totpLastStep null or lower), so two concurrent uses of one code cannot both succeed
 *   (RFC 6238 §5.2).
 * - Recovery codes (10, 50 random bits each) are shown once and stored as HMAC-SHA-256 under a
 *   key derived from the server secret, so a database dump alone cannot be used to test guesses.
 *   A code is consumed by a conditional update (usedAt null), so it works exactly once.
 * - Turning on (confirming the enrolment), turning off and making new recovery codes need the
 *   current password again: a session alone must not change how the account is protected
 *   (re-authentication, NIST SP 800-63B §4.2.3 / §6.1.2.3, OWASP ASVS V2.2.1), and the guesses
 *   are limited per account (verify-current-password.ts).
 * `key` is the server secret (config.secret); callers pass it in.
 */
import { createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { Tx } from '../portal/transaction.ts';
import { openSecret, sealSecret } from '../crypto/secret-box.ts';
import type { Limiter } from '../rate-limit/limiter.ts';
import { recordSecurityEvent } from './record-security-event.ts';
import { generateTotpSecret, matchTotp, otpauthUri } from './totp.ts';
import { verifyCurrentPassword } from './verify-current-password.ts';

export { TooManyPasswordAttemptsError, WrongCurrentPasswordError } from './verify-current-password.ts';

const TOTP_PURPOSE = 'totp-secret';
const RECOVERY_PURPOSE = 'recovery-code';
const RECOVERY_CODE_COUNT = 10;
// Crockford's base32 alphabet: no i, l, o or u; typed i/l and o are read as 1 and 0. 32 symbols
// x 10 characters = 50 bits per code.
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

type TwoFactorProblem = 'already_enabled' | 'not_enabled' | 'no_pending_enrolment' | 'wrong_code';

const MESSAGES: Record<TwoFactorProblem, string> = {
  already_enabled: 'Two-step verification is already on. Turn it off first if you want to set up a different app.',
  not_enabled: 'Two-step verification is off. Set up an authenticator app first.',
  no_pending_enrolment: 'Setting up two-step verification has not started, or was started elsewhere. Start again.',
  wrong_code: "That code doesn't match. Check that your phone's clock is right and enter the newest 6-digit code from your app.",
};

export class TwoFactorError extends Error {
  constructor(readonly problem: TwoFactorProblem) {
    super(MESSAGES[problem]);
    this.name = 'TwoFactorError';
  }
}

export type TwoFactorStatus = { enabled: boolean; enabledAt: Date | null; recoveryCodesLeft: number };

export type SecondFactorResult = { ok: true; method: 'otp' | 'recovery'; recoveryCodesLeft?: number } | { ok: false };

export async function getTwoFactorStatus(db: Db, userId: string): Promise<TwoFactorStatus> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  const enabledAt = user?.totpEnabledAt ?? null;
  const recoveryCodesLeft = enabledAt ? await db.recoveryCode.count({ where: { userId, usedAt: null } }) : 0;
  return { enabled: enabledAt !== null, enabledAt, recoveryCodesLeft };
}

export async function isTwoFactorEnabled(db: Db, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  return Boolean(user?.totpEnabledAt);
}

/** Stores a fresh pending secret (replacing any pending one) and returns it for the QR code. */
export async function startTotpEnrolment(
  db: Db,
  key: string,
  user: { id: string; email: string },
  issuerName: string,
): Promise<{ secret: string; otpauthUri: string }> {
  const secret = generateTotpSecret();
  const { count } = await db.user.updateMany({
    where: { id: user.id, totpEnabledAt: null },
    data: { totpSecret: sealSecret(secret, key, TOTP_PURPOSE), totpLastStep: null },
  });
  if (count === 0) throw new TwoFactorError('already_enabled');
  return { secret, otpauthUri: otpauthUri({ secret, issuer: issuerName, accountName: user.email }) };
}

/**
 * Turns two-step verification on once the app shows a matching code and the current password is
 * right; returns the recovery codes.
 */
export async function confirmTotpEnrolment(
  db: Db,
  passwordAttempts: Limiter,
  key: string,
  userId: string,
  input: { code: string; currentPassword: string },
  now: Date = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new TwoFactorError('already_enabled');
  if (!user.totpSecret) throw new TwoFactorError('no_pending_enrolment');
  await verifyCurrentPassword(db, passwordAttempts, userId, input.currentPassword);
  const step = matchTotp(openSecret(user.totpSecret, key, TOTP_PURPOSE), input.code.replace(/\s/g, ''), now.getTime(), null);
  if (step === null) throw new TwoFactorError('wrong_code');
  return db.$transaction(async (tx) => {
    // Only the pending secret the code was checked against: a restart in another tab wins.
    const { count } = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: null, totpSecret: user.totpSecret },
      data: { totpEnabledAt: now, totpLastStep: step },
    });
    if (count === 0) throw new TwoFactorError('no_pending_enrolment');
    const recoveryCodes = await replaceRecoveryCodes(tx, key, userId, now);
    await recordSecurityEvent(tx, { userId, action: 'user.two_factor_enabled', at: now });
    return { recoveryCodes };
  });
}

export async function disableTwoFactor(db: Db, passwordAttempts: Limiter, userId: string, password: string, now: Date = new Date()): Promise<void> {
  await requireEnabledAndPassword(db, passwordAttempts, userId, password);
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: { not: null } },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    if (count === 0) throw new TwoFactorError('not_enabled');
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await recordSecurityEvent(tx, { userId, action: 'user.two_factor_disabled', at: now });
  });
}

export async function regenerateRecoveryCodes(
  db: Db,
  passwordAttempts: Limiter,
  key: string,
  userId: string,
  password: string,
  now: Date = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  await requireEnabledAndPassword(db, passwordAttempts, userId, password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } });
    if (!user.totpEnabledAt) throw new TwoFactorError('not_enabled');
    const recoveryCodes = await replaceRecoveryCodes(tx, key, userId, now);
    await recordSecurityEvent(tx, { userId, action: 'user.recovery_codes_regenerated', at: now });
    return { recoveryCodes };
  });
}

/**
 * The second step of sign-in: a 6-digit code from the app, or a recovery code. Never throws for
 * a wrong code; only users with two-step verification on can pass.
 */
export async function verifySecondFactor(db: Db, key: string, userId: string, code: string, now: Date = new Date()): Promise<SecondFactorResult> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true } });
  if (!user?.totpEnabledAt || !user.totpSecret) return { ok: false };
  const digits = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(digits)) {
    const step = matchTotp(openSecret(user.totpSecret, key, TOTP_PURPOSE), digits, now.getTime(), user.totpLastStep);
    if (step === null) return { ok: false };
    const { count } = await db.user.updateMany({
      where: { id: userId, totpEnabledAt: { not: null }, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count === 1 ? { ok: true, method: 'otp' } : { ok: false };
  }
  const recovery = normaliseRecoveryCode(code);
  if (!recovery) return { ok: false };
  return db.$transaction(async (tx): Promise<SecondFactorResult> => {
    const { count } = await tx.recoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(key, recovery), usedAt: null },
      data: { usedAt: now },
    });
    if (count !== 1) return { ok: false };
    const remaining = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
    await recordSecurityEvent(tx, { userId, action: 'user.recovery_code_used', details: { remaining }, at: now });
    return { ok: true, method: 'recovery', recoveryCodesLeft: remaining };
  });
}

async function requireEnabledAndPassword(db: Db, passwordAttempts: Limiter, userId: string, password: string): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } });
  if (!user.totpEnabledAt) throw new TwoFactorError('not_enabled');
  await verifyCurrentPassword(db, passwordAttempts, userId, password);
}

async function replaceRecoveryCodes(tx: Tx, key: string, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ id: randomUUID(), userId, codeHash: hashRecoveryCode(key, normaliseRecoveryCode(code)!), createdAt: now })),
  });
  return codes;
}

function generateRecoveryCode(): string {
  // 32 divides 256, so taking the low 5 bits of each random byte is uniform.
  const chars = [...randomBytes(10)].map((byte) => RECOVERY_ALPHABET[byte & 31]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Lowercase, without spaces or dashes, ambiguous letters read as digits; null if it cannot be a code. */
function normaliseRecoveryCode(input: string): string | null {
  const code = input
    .toLowerCase()
    .replace(/[\s-]/g, '')
    .replace(/[il]/g, '1')
    .replace(/o/g, '0');
  if (code.length !== 10 || [...code].some((char) => !RECOVERY_ALPHABET.includes(char))) return null;
  return code;
}

function hashRecoveryCode(key: string, normalisedCode: string): string {
  const hmacKey = Buffer.from(hkdfSync('sha256', key, 'portico', RECOVERY_PURPOSE, 32));
  return createHmac('sha256', hmacKey).update(normalisedCode).digest('hex');
}
