/**
 * "Send the email again" (lib/account/resend-verification-email.ts), on SQLite and PostgreSQL:
 * each resend mails a new working link, the budget is per account (5 an hour: another account is
 * not affected) and the refusal says how long to wait, and a confirmed address sends nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { createMailer } from '@/lib/account/mailer.ts';
import { resendVerificationEmail, resendVerificationMessage } from '@/lib/account/resend-verification-email.ts';
import { verifyEmail } from '@/lib/account/verify-email.ts';
import { POLICIES } from '@/lib/rate-limit/policies.ts';
import { startCore, type Harness } from '../support/core-harness.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { mailTo, newestLink } from '../support/end-user.ts';

describe.each(DATABASES)('resending the verification email (%s)', (kind) => {
  let database: TestDatabase;
  let h: Harness;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await startCore({ DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  const deps = () => ({ db: h.runtime.db, mailer: createMailer(h.config, () => h.clock.now), limiter: h.runtime.rateLimits.verificationEmailPerAccount, issuer: h.config.issuer });
  const makeUser = (email: string) => createUser(h.runtime.db, { email, password: 'correct horse battery' });

  it('mails a new link that confirms the address', async () => {
    const user = await makeUser('nina@example.com');
    const result = await resendVerificationEmail(deps(), { userId: user.id }, h.clock.now);
    expect(result).toEqual({ status: 'sent', email: 'nina@example.com' });
    expect(resendVerificationMessage(result)).toMatch(/^We sent a new confirmation link to nina@example\.com\./);
    expect((await mailTo(h, 'nina@example.com')).map((m) => m.subject)).toEqual(['Confirm your email address for Portico']);

    const link = await newestLink(h, 'nina@example.com', '/verify-email');
    await verifyEmail(h.runtime.db, link.searchParams.get('token')!, h.clock.now);
    expect((await h.runtime.db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBe(true);

    // Confirmed: nothing is sent and nothing is counted.
    const done = await resendVerificationEmail(deps(), { userId: user.id }, h.clock.now);
    expect(done).toEqual({ status: 'already_verified', email: 'nina@example.com' });
    expect(resendVerificationMessage(done)).toBe('nina@example.com is already confirmed: there is nothing more to do.');
    expect(await mailTo(h, 'nina@example.com')).toHaveLength(1);
  });

  it(`allows ${POLICIES.verificationEmailPerAccount.points} an hour per account, then says to wait; other accounts are not affected`, async () => {
    const omar = await makeUser('omar@example.com');
    const points = POLICIES.verificationEmailPerAccount.points;
    for (let i = 0; i < points; i++) expect((await resendVerificationEmail(deps(), { userId: omar.id })).status).toBe('sent');

    const refused = await resendVerificationEmail(deps(), { userId: omar.id });
    expect(refused).toMatchObject({ status: 'rate_limited', retryAfterSeconds: expect.any(Number) });
    if (refused.status !== 'rate_limited') throw new Error('expected a refusal');
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(POLICIES.verificationEmailPerAccount.durationSeconds);
    expect(resendVerificationMessage(refused)).toMatch(/^We have already sent several confirmation emails\. Check your inbox and spam folder, or wait \d+ minutes? and ask again\.$/);
    expect(await mailTo(h, 'omar@example.com')).toHaveLength(points);

    // Every link mailed still works until it expires: the newest one confirms the address.
    const link = await newestLink(h, 'omar@example.com', '/verify-email');
    expect(await verifyEmail(h.runtime.db, link.searchParams.get('token')!, h.clock.now)).toEqual({ email: 'omar@example.com' });

    const pia = await makeUser('pia@example.com');
    expect((await resendVerificationEmail(deps(), { userId: pia.id })).status).toBe('sent');
  });
});
