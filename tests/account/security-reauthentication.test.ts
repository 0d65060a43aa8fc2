/**
 * Re-authentication (issue 12, findings 2 and 3), on a real migrated database:
 * - turning two-step verification on needs the current password, as turning it off and making new
 *   recovery codes do: a session and a code from an app the attacker set up are not enough;
 * - every current-password check of a signed-in user (password and email change, account deletion,
 *   two-step verification changes) goes through one limiter per account, which counts atomically
 *   in memory and in Redis: of 40 concurrent wrong passwords only the budget reaches argon2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changePassword, TooManyPasswordAttemptsError, WrongCurrentPasswordError } from '@/lib/account/change-password.ts';
import { requestEmailChange } from '@/lib/account/change-email.ts';
import { createUser } from '@/lib/account/create-user.ts';
import { deleteAccount, WrongPasswordError } from '@/lib/account/delete-account.ts';
import { createMailer } from '@/lib/account/mailer.ts';
import { totpAt, totpStep } from '@/lib/account/totp.ts';
import { confirmTotpEnrolment, disableTwoFactor, isTwoFactorEnabled, regenerateRecoveryCodes, startTotpEnrolment } from '@/lib/account/two-factor.ts';
import { verifyUserPassword } from '@/lib/account/verify-password.ts';
import { createRateLimits, type Limiter, type RateLimits } from '@/lib/rate-limit/index.ts';
import { POLICIES } from '@/lib/rate-limit/policies.ts';
import { deleteKeysUnder, TEST_REDIS_URL, testKeyPrefix } from '@/lib/rate-limit/test-support.ts';
import { startCore, type Harness } from '../support/core-harness.ts';

const PASSWORD = 'correct horse battery';
const BUDGET = POLICIES.currentPasswordPerAccount.points;
const WINDOW_S = POLICIES.currentPasswordPerAccount.durationSeconds;
const prefix = testKeyPrefix();

let h: Harness;
let counter = 0;
const opened: RateLimits[] = [];
beforeAll(async () => (h = await startCore()));
afterAll(async () => {
  await Promise.all(opened.map((limits) => limits.close()));
  await deleteKeysUnder(prefix);
  await h?.close();
});

const db = () => h.runtime.db;
const now = () => h.clock.now;
const newUser = () => createUser(db(), { email: `reauth${++counter}@example.com`, password: PASSWORD });
const codeNow = (secret: string) => totpAt(secret, totpStep(now().getTime()));
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (err: unknown) =>
      err instanceof TooManyPasswordAttemptsError ? 'too_many' : err instanceof WrongCurrentPasswordError || err instanceof WrongPasswordError ? 'wrong' : err,
  );

describe('turning on two-step verification', () => {
  it('needs the current password as well as a code from the app', async () => {
    const attempts = createRateLimits().currentPasswordPerAccount;
    const user = await newUser();
    const { secret } = await startTotpEnrolment(db(), h.config.secret, user, 'Portico (test)');

    // Someone holding only the session sets up their own app: the code matches, the password is missing or wrong.
    for (const currentPassword of ['', 'not the password']) {
      expect(await outcome(confirmTotpEnrolment(db(), attempts, h.config.secret, user.id, { code: codeNow(secret), currentPassword }, now()))).toBe('wrong');
    }
    expect(await isTwoFactorEnabled(db(), user.id)).toBe(false);
    expect(await db().auditEvent.count({ where: { actorUserId: user.id, action: 'user.two_factor_enabled' } })).toBe(0);

    const { recoveryCodes } = await confirmTotpEnrolment(db(), attempts, h.config.secret, user.id, { code: codeNow(secret), currentPassword: PASSWORD }, now());
    expect(recoveryCodes).toHaveLength(10);
    expect(await isTwoFactorEnabled(db(), user.id)).toBe(true);
  });
});

describe.each([
  ['memory', async () => createRateLimits()],
  [
    'redis',
    async () => {
      const limits = createRateLimits({ redisUrl: TEST_REDIS_URL, keyPrefix: prefix, keySecret: 'reauth-test-secret' });
      opened.push(limits);
      await limits.ready();
      return limits;
    },
  ],
])('current-password checks of a signed-in user, counting in %s', (_kind, makeLimits) => {
  let attempts: Limiter;
  beforeAll(async () => (attempts = (await makeLimits()).currentPasswordPerAccount));

  const wrongChange = (userId: string, currentPassword = 'a wrong guess') =>
    changePassword(db(), attempts, { userId, sessionId: null }, { currentPassword, newPassword: 'a brand new passphrase' }, now());

  it('let only the budget of 40 concurrent wrong passwords reach argon2, and say when to retry', async () => {
    const user = await newUser();
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => wrongChange(user.id)));
    const reasons = results.map((r) => (r.status === 'rejected' ? (r.reason as Error) : null));
    expect(reasons.filter((e) => e instanceof WrongCurrentPasswordError)).toHaveLength(BUDGET);
    const refused = reasons.filter((e): e is TooManyPasswordAttemptsError => e instanceof TooManyPasswordAttemptsError);
    expect(refused).toHaveLength(40 - BUDGET);
    for (const err of refused) {
      expect(err.retryAfterSeconds).toBeGreaterThan(0);
      expect(err.retryAfterSeconds).toBeLessThanOrEqual(WINDOW_S);
      expect(err.message).toMatch(/^Too many wrong passwords for this account\. Wait \d+ minutes? and try again\. .*Forgot password\?/);
    }

    // Locked: even the right password is not checked, and nothing changes.
    expect(await outcome(wrongChange(user.id, PASSWORD))).toBe('too_many');
    expect(await verifyUserPassword(db(), user.email, PASSWORD)).toMatchObject({ id: user.id });

    // Another account has a budget of its own.
    const other = await newUser();
    expect(await outcome(wrongChange(other.id))).toBe('wrong');
  });

  it('share one budget per account across every re-authentication', async () => {
    const user = await newUser();
    const { secret } = await startTotpEnrolment(db(), h.config.secret, user, 'Portico (test)');
    await confirmTotpEnrolment(db(), attempts, h.config.secret, user.id, { code: codeNow(secret), currentPassword: PASSWORD }, now());
    const mailer = createMailer(h.config, now);
    const guesses = [
      () => requestEmailChange(db(), attempts, mailer, { userId: user.id }, { newEmail: `moved${counter}@example.com`, currentPassword: 'guess', issuer: h.config.issuer }, now()),
      () => deleteAccount(db(), attempts, { userId: user.id }, 'guess', now()),
      () => disableTwoFactor(db(), attempts, user.id, 'guess', now()),
      () => regenerateRecoveryCodes(db(), attempts, h.config.secret, user.id, 'guess', now()),
      () => wrongChange(user.id, 'guess'),
    ];
    for (let i = 0; i < BUDGET; i++) expect(await outcome(guesses[i % guesses.length]!())).toBe('wrong');

    expect(await outcome(disableTwoFactor(db(), attempts, user.id, PASSWORD, now()))).toBe('too_many');
    expect(await outcome(regenerateRecoveryCodes(db(), attempts, h.config.secret, user.id, PASSWORD, now()))).toBe('too_many');
    expect(await outcome(deleteAccount(db(), attempts, { userId: user.id }, PASSWORD, now()))).toBe('too_many');
    expect(await isTwoFactorEnabled(db(), user.id)).toBe(true);
    expect(await db().user.count({ where: { id: user.id } })).toBe(1);
  });

  it('count failures only: a right password gives its point back', async () => {
    const user = await newUser();
    for (let i = 0; i < BUDGET - 1; i++) expect(await outcome(wrongChange(user.id))).toBe('wrong');
    const mailer = createMailer(h.config, now);
    for (let i = 0; i < 3; i++) {
      expect(
        await outcome(requestEmailChange(db(), attempts, mailer, { userId: user.id }, { newEmail: `kept${counter}-${i}@example.com`, currentPassword: PASSWORD, issuer: h.config.issuer }, now())),
      ).toBe('ok');
    }
    expect(await outcome(wrongChange(user.id))).toBe('wrong');
    expect(await outcome(wrongChange(user.id))).toBe('too_many');
  });
});
