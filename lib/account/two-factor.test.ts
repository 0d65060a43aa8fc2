import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type Db } from '../db/client.ts';
import { createRateLimits } from '../rate-limit/index.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../../tests/support/databases.ts';
import { WrongCurrentPasswordError } from './change-password.ts';
import { createUser } from './create-user.ts';
import { totpAt, totpStep } from './totp.ts';
import {
  confirmTotpEnrolment,
  disableTwoFactor,
  getTwoFactorStatus,
  isTwoFactorEnabled,
  regenerateRecoveryCodes,
  startTotpEnrolment,
  TwoFactorError,
  verifySecondFactor,
} from './two-factor.ts';

const KEY = 'two-factor-test-secret-0123456789abcdef';
const PASSWORD = 'correct horse battery';
const ISSUER = 'Portico (localhost)';
const attempts = createRateLimits().currentPasswordPerAccount;

// On both databases: replay protection and single-use recovery codes are conditional updates.
describe.each(DATABASES)('two-step verification (%s)', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let now = new Date('2026-11-25T12:00:10Z'); // 10 s into a 30 s step

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await migrateDatabase(database.url);
    db = await createPrismaClient(database.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  const codeAt = (secret: string, date: Date, offsetSteps = 0) => totpAt(secret, totpStep(date.getTime()) + offsetSteps);
  const advance = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
  const problem = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (err: unknown) => (err instanceof TwoFactorError ? err.problem : err instanceof WrongCurrentPasswordError ? 'wrong_password' : err),
    );
  const securityEvents = async (userId: string) =>
    (await db.auditEvent.findMany({ where: { actorUserId: userId }, orderBy: { createdAt: 'asc' } })).map((e) => [e.action, JSON.parse(e.details)]);

  async function enrolledUser(email: string) {
    const user = await createUser(db, { email, password: PASSWORD });
    const { secret } = await startTotpEnrolment(db, KEY, user, ISSUER);
    const { recoveryCodes } = await confirmTotpEnrolment(db, attempts, KEY, user.id, { code: codeAt(secret, now), currentPassword: PASSWORD }, now);
    return { user, secret, recoveryCodes };
  }

  it('enrols: a pending secret, sealed at rest, confirmed by a code; recovery codes returned once', async () => {
    const user = await createUser(db, { email: 'ada@example.com', password: PASSWORD });
    expect(await getTwoFactorStatus(db, user.id)).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 });

    const first = await startTotpEnrolment(db, KEY, user, ISSUER);
    const { secret, otpauthUri } = await startTotpEnrolment(db, KEY, user, ISSUER); // a restart replaces the pending secret
    expect(secret).not.toBe(first.secret);
    expect(otpauthUri).toBe(`otpauth://totp/Portico%20(localhost):ada%40example.com?secret=${secret}&issuer=Portico%20(localhost)&algorithm=SHA1&digits=6&period=30`);
    const pending = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(pending.totpSecret).toMatch(/^v1\./);
    expect(pending.totpSecret).not.toContain(secret);
    expect(pending.totpEnabledAt).toBeNull();
    expect(await isTwoFactorEnabled(db, user.id)).toBe(false);
    expect(await verifySecondFactor(db, KEY, user.id, codeAt(secret, now), now)).toEqual({ ok: false }); // not on until confirmed

    expect(await problem(confirmTotpEnrolment(db, attempts, KEY, user.id, { code: codeAt(first.secret, now), currentPassword: PASSWORD }, now))).toBe('wrong_code');
    expect(await problem(confirmTotpEnrolment(db, attempts, KEY, user.id, { code: codeAt(secret, now, 2), currentPassword: PASSWORD }, now))).toBe('wrong_code');
    const { recoveryCodes } = await confirmTotpEnrolment(db, attempts, KEY, user.id, { code: ` ${codeAt(secret, now).replace(/^(...)/, '$1 ')} `, currentPassword: PASSWORD }, now);

    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((r) => r.codeHash).every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    expect(stored.some((r) => recoveryCodes.some((c) => r.codeHash.includes(c.replace('-', ''))))).toBe(false);

    expect(await getTwoFactorStatus(db, user.id)).toEqual({ enabled: true, enabledAt: now, recoveryCodesLeft: 10 });
    expect(await isTwoFactorEnabled(db, user.id)).toBe(true);
    expect(await problem(startTotpEnrolment(db, KEY, user, ISSUER))).toBe('already_enabled');
    expect(await securityEvents(user.id)).toEqual([['user.two_factor_enabled', {}]]);
  });

  it('refuses to confirm without a pending enrolment', async () => {
    const user = await createUser(db, { email: 'nopending@example.com', password: PASSWORD });
    expect(await problem(confirmTotpEnrolment(db, attempts, KEY, user.id, { code: '123456', currentPassword: PASSWORD }, now))).toBe('no_pending_enrolment');
  });

  it('accepts a code once: replay and older codes are refused, the next step works', async () => {
    const { user, secret } = await enrolledUser('grace@example.com');
    // The code used to confirm enrolment is already spent.
    expect(await verifySecondFactor(db, KEY, user.id, codeAt(secret, now), now)).toEqual({ ok: false });
    advance(30);
    const code = codeAt(secret, now);
    expect(await verifySecondFactor(db, KEY, user.id, '000000' === code ? '111111' : '000000', now)).toEqual({ ok: false });
    expect(await verifySecondFactor(db, KEY, user.id, code, now)).toEqual({ ok: true, method: 'otp' });
    expect(await verifySecondFactor(db, KEY, user.id, code, now)).toEqual({ ok: false });
    advance(30);
    expect(await verifySecondFactor(db, KEY, user.id, codeAt(secret, now, -1), now)).toEqual({ ok: false }); // in the window but not newer
    expect(await verifySecondFactor(db, KEY, user.id, codeAt(secret, now, 1), now)).toEqual({ ok: true, method: 'otp' }); // clock ahead by a step
    expect(await verifySecondFactor(db, KEY, user.id, codeAt(secret, now), now)).toEqual({ ok: false }); // older than the last accepted
  });

  it('lets only one of two concurrent uses of a code win', async () => {
    const { user, secret } = await enrolledUser('concurrent@example.com');
    advance(30);
    const code = codeAt(secret, now);
    const results = await Promise.all([1, 2, 3].map(() => verifySecondFactor(db, KEY, user.id, code, now)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('accepts each recovery code once, in any case and with or without the dash', async () => {
    const { user, recoveryCodes } = await enrolledUser('linus@example.com');
    const [first, second] = recoveryCodes as [string, string];
    expect(await verifySecondFactor(db, KEY, user.id, first, now)).toEqual({ ok: true, method: 'recovery', recoveryCodesLeft: 9 });
    expect(await verifySecondFactor(db, KEY, user.id, first, now)).toEqual({ ok: false });
    expect(await verifySecondFactor(db, KEY, user.id, ` ${second.toUpperCase().replace('-', '')} `, now)).toEqual({ ok: true, method: 'recovery', recoveryCodesLeft: 8 });
    expect(await verifySecondFactor(db, KEY, user.id, 'aaaaa-aaaaa', now)).toEqual({ ok: false });
    expect(await verifySecondFactor(db, KEY, user.id, 'not a code at all', now)).toEqual({ ok: false });
    expect(await getTwoFactorStatus(db, user.id)).toMatchObject({ recoveryCodesLeft: 8 });
    const used = (await securityEvents(user.id)).filter(([action]) => action === 'user.recovery_code_used');
    expect(used).toEqual([
      ['user.recovery_code_used', { remaining: 9 }],
      ['user.recovery_code_used', { remaining: 8 }],
    ]);
    // Another user's code is not this user's code.
    const other = await enrolledUser('other@example.com');
    expect(await verifySecondFactor(db, KEY, user.id, other.recoveryCodes[0]!, now)).toEqual({ ok: false });
  });

  it('makes new recovery codes only with the right password, and the old ones stop working', async () => {
    const { user, recoveryCodes: old } = await enrolledUser('ken@example.com');
    expect(await problem(regenerateRecoveryCodes(db, attempts, KEY, user.id, 'wrong password', now))).toBe('wrong_password');
    const { recoveryCodes } = await regenerateRecoveryCodes(db, attempts, KEY, user.id, PASSWORD, now);
    expect(recoveryCodes).toHaveLength(10);
    expect(recoveryCodes.some((c) => old.includes(c))).toBe(false);
    expect(await verifySecondFactor(db, KEY, user.id, old[0]!, now)).toEqual({ ok: false });
    expect(await verifySecondFactor(db, KEY, user.id, recoveryCodes[0]!, now)).toMatchObject({ ok: true, method: 'recovery', recoveryCodesLeft: 9 });
    expect((await securityEvents(user.id)).map(([action]) => action)).toContain('user.recovery_codes_regenerated');
  });

  it('turns off only with the right password, removing the secret and the recovery codes', async () => {
    const { user, secret } = await enrolledUser('barbara@example.com');
    expect(await problem(disableTwoFactor(db, attempts, user.id, 'wrong password', now))).toBe('wrong_password');
    expect(await isTwoFactorEnabled(db, user.id)).toBe(true);

    await disableTwoFactor(db, attempts, user.id, PASSWORD, now);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await getTwoFactorStatus(db, user.id)).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 });
    advance(30);
    expect(await verifySecondFactor(db, KEY, user.id, codeAt(secret, now), now)).toEqual({ ok: false });
    expect(await problem(disableTwoFactor(db, attempts, user.id, PASSWORD, now))).toBe('not_enabled');
    expect(await problem(regenerateRecoveryCodes(db, attempts, KEY, user.id, PASSWORD, now))).toBe('not_enabled');
    expect((await securityEvents(user.id)).map(([action]) => action)).toEqual(['user.two_factor_enabled', 'user.two_factor_disabled']);
  });

  it('answers false for unknown users', async () => {
    expect(await isTwoFactorEnabled(db, 'no-such-user')).toBe(false);
    expect(await verifySecondFactor(db, KEY, 'no-such-user', '123456', now)).toEqual({ ok: false });
  });
});
