import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Harness } from '../../tests/support/core-harness.ts';
import { createUser } from './create-user.ts';
import { listSecurityActivity } from './list-security-activity.ts';
import { recordSecurityEvent } from './record-security-event.ts';
import { FAILURE_WINDOW_MS, PASSWORD_MAX_FAILURES, signIn, SECOND_FACTOR_MAX_FAILURES } from './sign-in.ts';
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
  const { recoveryCodes } = await confirmTotpEnrolment(h.runtime.db, key(), user.id, codeNow(secret), now());
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
