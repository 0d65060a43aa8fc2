import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Harness } from '../../tests/support/core-harness.ts';
import { createRateLimits, type RateLimits } from '../rate-limit/index.ts';
import { createLimiter } from '../rate-limit/limiter.ts';
import { POLICIES } from '../rate-limit/policies.ts';
import { deleteKeysUnder, TEST_REDIS_URL, testKeyPrefix } from '../rate-limit/test-support.ts';
import { createUser } from './create-user.ts';
import { listSecurityActivity } from './list-security-activity.ts';
import { recordSecurityEvent } from './record-security-event.ts';
import { FAILURE_WINDOW_MS, PASSWORD_MAX_FAILURES, signIn, SECOND_FACTOR_MAX_FAILURES, type SignInLimits } from './sign-in.ts';
import { totpAt, totpStep } from './totp.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from './two-factor.ts';

const PASSWORD = 'correct horse battery';
let h: Harness;
beforeAll(async () => (h = await startCore()));
afterAll(() => h?.close());

const key = () => h.config.secret;
const now = () => h.clock.now;
const codeNow = (secret: string, offset = 0) => totpAt(secret, totpStep(now().getTime()) + offset);

async function enrolled(email: string) {
  const user = await createUser(h.runtime.db, { email, password: PASSWORD });
  const { secret } = await startTotpEnrolment(h.runtime.db, key(), user, 'Portico');
  const { recoveryCodes } = await confirmTotpEnrolment(h.runtime.db, h.runtime.rateLimits.currentPasswordPerAccount, key(), user.id, { code: codeNow(secret), currentPassword: PASSWORD }, now());
  h.clock.advance(30); // the enrolment code's step is spent
  return { user, secret, recoveryCodes };
}

describe('sign-in with a second factor', () => {
  it('signs in with a password alone when two-step verification is off', async () => {
    const user = await createUser(h.runtime.db, { email: 'plain@example.com', password: PASSWORD });
    expect(await signIn(h.runtime.db, key(), { email: 'plain@example.com', password: PASSWORD }, now())).toEqual({
      ok: true,
      user: { id: user.id, email: 'plain@example.com', name: null },
      amr: ['pwd'],
    });
    expect(await signIn(h.runtime.db, key(), { email: 'plain@example.com', password: 'wrong password' }, now())).toEqual({ ok: false, reason: 'credentials' });
  });

  it('asks for a code only after the right password, and accepts a TOTP code once', async () => {
    const { secret } = await enrolled('totp@example.com');
    expect(await signIn(h.runtime.db, key(), { email: 'totp@example.com', password: 'wrong password', code: codeNow(secret) }, now())).toEqual({
      ok: false,
      reason: 'credentials',
    });
    expect(await signIn(h.runtime.db, key(), { email: 'totp@example.com', password: PASSWORD }, now())).toEqual({ ok: false, reason: 'second_factor_required' });
    const code = codeNow(secret);
    expect(await signIn(h.runtime.db, key(), { email: 'totp@example.com', password: PASSWORD, code: ` ${code} ` }, now())).toMatchObject({
      ok: true,
      amr: ['pwd', 'otp', 'mfa'],
    });
    // RFC 6238 §5.2: the same code is not accepted twice.
    expect(await signIn(h.runtime.db, key(), { email: 'totp@example.com', password: PASSWORD, code }, now())).toEqual({ ok: false, reason: 'second_factor_invalid' });
  });

  it('accepts a recovery code as the second factor (mfa without otp)', async () => {
    const { recoveryCodes } = await enrolled('recovery@example.com');
    expect(await signIn(h.runtime.db, key(), { email: 'recovery@example.com', password: PASSWORD, code: recoveryCodes[0]! }, now())).toMatchObject({
      ok: true,
      amr: ['pwd', 'mfa'],
    });
  });

  it(`refuses the second step after ${SECOND_FACTOR_MAX_FAILURES} wrong codes, until the window passes, and records each failure`, async () => {
    const { user, secret } = await enrolled('locked@example.com');
    for (let i = 0; i < SECOND_FACTOR_MAX_FAILURES; i++) {
      expect(await signIn(h.runtime.db, key(), { email: 'locked@example.com', password: PASSWORD, code: '000000' }, now())).toEqual({
        ok: false,
        reason: 'second_factor_invalid',
      });
    }
    expect(await signIn(h.runtime.db, key(), { email: 'locked@example.com', password: PASSWORD, code: codeNow(secret) }, now())).toEqual({
      ok: false,
      reason: 'second_factor_locked',
    });
    const failures = await h.runtime.db.auditEvent.count({ where: { actorUserId: user.id, action: 'user.two_factor_failed' } });
    expect(failures).toBe(SECOND_FACTOR_MAX_FAILURES);

    h.clock.advance(FAILURE_WINDOW_MS / 1000 + 1);
    expect(await signIn(h.runtime.db, key(), { email: 'locked@example.com', password: PASSWORD, code: codeNow(secret) }, now())).toMatchObject({ ok: true });
  });

  it(`refuses an account's password after ${PASSWORD_MAX_FAILURES} wrong ones, until the window passes or the password is reset`, async () => {
    const user = await createUser(h.runtime.db, { email: 'guessed@example.com', password: PASSWORD });
    const attempt = (password: string) => signIn(h.runtime.db, key(), { email: 'guessed@example.com', password, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' }, now());
    for (let i = 0; i < PASSWORD_MAX_FAILURES; i++) expect(await attempt(`guess number ${i}`)).toEqual({ ok: false, reason: 'credentials' });
    expect(await attempt(PASSWORD)).toEqual({ ok: false, reason: 'locked' });
    const lines = await listSecurityActivity(h.runtime.db, { userId: user.id });
    expect(lines[0]).toMatchObject({ text: 'A sign-in failed: wrong password', detail: 'Firefox on Linux' });

    // A reset proves the owner: the limit lifts at once.
    h.clock.advance(1);
    await recordSecurityEvent(h.runtime.db, { userId: user.id, action: 'user.password_reset', at: now() });
    h.clock.advance(1);
    expect(await attempt(PASSWORD)).toMatchObject({ ok: true });

    for (let i = 0; i < PASSWORD_MAX_FAILURES; i++) await attempt('wrong again');
    expect(await attempt(PASSWORD)).toEqual({ ok: false, reason: 'locked' });
    h.clock.advance(FAILURE_WINDOW_MS / 1000 + 1);
    expect(await attempt(PASSWORD)).toMatchObject({ ok: true });
  });

  it('never locks or records anything for an email without an account', async () => {
    const before = await h.runtime.db.auditEvent.count();
    for (let i = 0; i < PASSWORD_MAX_FAILURES + 1; i++) {
      expect(await signIn(h.runtime.db, key(), { email: 'nobody@example.com', password: 'whatever it is' }, now())).toEqual({ ok: false, reason: 'credentials' });
    }
    expect(await h.runtime.db.auditEvent.count()).toBe(before);
  });
});

describe('rate limits on the password step', () => {
  const prefix = testKeyPrefix();
  const opened: RateLimits[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((limits) => limits.close()));
    await deleteKeysUnder(prefix);
  });
  const memory = async () => createRateLimits();
  const redis = async () => {
    const limits = createRateLimits({ redisUrl: TEST_REDIS_URL, keyPrefix: prefix, keySecret: key() });
    opened.push(limits);
    await limits.ready();
    return limits;
  };
  const limitsOf = (limits: RateLimits): SignInLimits => ({ account: limits.signInPerAccount, ip: limits.signInPerIp });
  const failures = (userId: string) => h.runtime.db.auditEvent.count({ where: { actorUserId: userId, action: 'user.sign_in_failed' } });

  it('gives an account the same budget and window as the audit-based lock', () => {
    expect(POLICIES.signInPerAccount).toMatchObject({ points: PASSWORD_MAX_FAILURES, durationSeconds: FAILURE_WINDOW_MS / 1000 });
  });

  it.each([
    ['memory', memory],
    ['redis', redis],
  ])('lets no more than the budget of 40 concurrent wrong passwords reach the password check (%s)', async (kind, make) => {
    const limits = limitsOf(await make());
    const email = `crowd-${kind}@example.com`;
    const user = await createUser(h.runtime.db, { email, password: PASSWORD });
    const attempt = (password: string, ip = '203.0.113.10') => signIn(h.runtime.db, key(), { email, password, ip }, now(), limits);

    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(`guess number ${i}`, `203.0.113.${i}`)));
    const budget = POLICIES.signInPerAccount.points;
    expect(outcomes.filter((o) => !o.ok && o.reason === 'credentials')).toHaveLength(budget);
    expect(outcomes.filter((o) => !o.ok && o.reason === 'locked')).toHaveLength(40 - budget);
    expect(await failures(user.id)).toBe(budget);

    // Locked: the right password is refused, and still once the audit window has passed (the
    // limit's own window runs on real time) ...
    expect(await attempt(PASSWORD)).toEqual({ ok: false, reason: 'locked' });
    h.clock.advance(FAILURE_WINDOW_MS / 1000 + 1);
    expect(await attempt(PASSWORD)).toEqual({ ok: false, reason: 'locked' });
    // ... until the account's limit is reset (or its window passes); a success starts it afresh.
    await limits.account.reset(email);
    expect(await attempt(PASSWORD)).toMatchObject({ ok: true });
    for (let i = 0; i < budget - 1; i++) expect(await attempt('wrong again')).toEqual({ ok: false, reason: 'credentials' });
    expect(await attempt(PASSWORD)).toMatchObject({ ok: true });
  });

  it('keys an account by its normalised email, and limits unknown emails alike', async () => {
    const limits = limitsOf(await memory());
    const budget = POLICIES.signInPerAccount.points;
    for (let i = 0; i < budget; i++) {
      const email = i % 2 ? ' Nobody@Example.COM ' : 'nobody@example.com';
      expect(await signIn(h.runtime.db, key(), { email, password: 'whatever it is' }, now(), limits)).toEqual({ ok: false, reason: 'credentials' });
    }
    expect(await signIn(h.runtime.db, key(), { email: 'NOBODY@example.com', password: 'whatever it is' }, now(), limits)).toEqual({ ok: false, reason: 'locked' });
  });

  it('lets the right password in once a short account window has passed', async () => {
    const limits: SignInLimits = {
      account: createLimiter({ name: 'short-account', points: 2, durationSeconds: 1 }, { kind: 'memory' }),
      ip: createLimiter({ name: 'short-ip', points: 50, durationSeconds: 1 }, { kind: 'memory' }),
    };
    const user = await createUser(h.runtime.db, { email: 'short@example.com', password: PASSWORD });
    const attempt = (password: string) => signIn(h.runtime.db, key(), { email: 'short@example.com', password, ip: '203.0.113.20' }, now(), limits);
    await Promise.all(Array.from({ length: 6 }, (_, i) => attempt(`guess ${i}`)));
    expect(await failures(user.id)).toBe(2);
    expect(await attempt(PASSWORD)).toEqual({ ok: false, reason: 'locked' });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await attempt(PASSWORD)).toMatchObject({ ok: true });
  });

  it('counts only wrong passwords against an IP address', async () => {
    const limits: SignInLimits = {
      account: createLimiter(POLICIES.signInPerAccount, { kind: 'memory' }),
      ip: createLimiter({ name: 'small-ip', points: 3, durationSeconds: 60 }, { kind: 'memory' }),
    };
    await createUser(h.runtime.db, { email: 'office@example.com', password: PASSWORD });
    const attempt = (email: string, password: string) => signIn(h.runtime.db, key(), { email, password, ip: '198.51.100.30' }, now(), limits);
    for (let i = 0; i < 5; i++) expect(await attempt('office@example.com', PASSWORD)).toMatchObject({ ok: true });
    for (let i = 0; i < 3; i++) expect(await attempt(`sprayed-${i}@example.com`, 'Password1')).toEqual({ ok: false, reason: 'credentials' });
    expect(await attempt('office@example.com', PASSWORD)).toEqual({ ok: false, reason: 'locked' });
    // Another address is not affected.
    expect(await signIn(h.runtime.db, key(), { email: 'office@example.com', password: PASSWORD, ip: '198.51.100.31' }, now(), limits)).toMatchObject({ ok: true });
  });
});
