import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Harness } from '../../tests/support/core-harness.ts';
import { WrongCurrentPasswordError } from './change-password.ts';
import { confirmEmailChange, describeEmailChange, EmailInUseError, findPendingEmailChange, requestEmailChange, SameEmailError } from './change-email.ts';
import { createUser } from './create-user.ts';
import { checkEmailToken, EmailLinkError } from './email-tokens.ts';
import { createMailer, readOutbox, type Mailer } from './mailer.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { verifyUserPassword } from './verify-password.ts';

const PASSWORD = 'correct horse battery';

describe('changing the email address (SQLite)', () => {
  let h: Harness;
  let mailer: Mailer;

  beforeAll(async () => {
    h = await startCore();
    mailer = createMailer(h.config, () => h.clock.now);
  });
  afterAll(async () => h?.close());

  const now = () => h.clock.now;
  const db = () => h.runtime.db;
  const outbox = () => readOutbox(h.config.dataDir, 1000);
  const request = (userId: string, newEmail: string, currentPassword = PASSWORD, at = now()) =>
    requestEmailChange(db(), h.runtime.rateLimits.currentPasswordPerAccount, mailer, { userId }, { newEmail, currentPassword, issuer: h.config.issuer }, at);
  /** The token in the newest outbox message to `to`. */
  async function lastLink(to: string): Promise<string> {
    const message = (await outbox()).find((m) => m.to === to);
    const match = message?.text.match(/[?&]token=([^\s&]+)/);
    if (!match?.[1]) throw new Error(`no link mailed to ${to}`);
    return decodeURIComponent(match[1]);
  }
  const emailOf = async (userId: string) => (await db().user.findUniqueOrThrow({ where: { id: userId } })).email;
  const actions = async (userId: string) =>
    (await db().auditEvent.findMany({ where: { actorUserId: userId }, orderBy: { createdAt: 'asc' } })).map((e) => ({
      action: e.action,
      details: JSON.parse(e.details) as unknown,
    }));

  it('refuses a wrong current password, writing and mailing nothing', async () => {
    const user = await createUser(db(), { email: 'wrongpw@example.com', password: PASSWORD });
    const mailsBefore = (await outbox()).length;
    await expect(request(user.id, 'elsewhere@example.com', 'not my password')).rejects.toBeInstanceOf(WrongCurrentPasswordError);
    expect(await db().emailToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await actions(user.id)).toEqual([]);
    expect((await outbox()).length).toBe(mailsBefore);
  });

  it('refuses the current address and an address another account uses, after normalising', async () => {
    const user = await createUser(db(), { email: 'same@example.com', password: PASSWORD });
    await createUser(db(), { email: 'taken@example.com', password: PASSWORD });
    await expect(request(user.id, ' SAME@Example.com ')).rejects.toBeInstanceOf(SameEmailError);
    await expect(request(user.id, 'Taken@Example.COM')).rejects.toBeInstanceOf(EmailInUseError);
    await expect(request(user.id, 'not an email')).rejects.toThrow('Enter a valid email address');
    expect(await db().emailToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it('mails a link to the new address and a notice to the old; the link changes the address once', async () => {
    const user = await createUser(db(), { email: 'ada@example.com', password: PASSWORD });
    const requested = await request(user.id, ' Ada.Lovelace@Example.org ');
    expect(requested).toMatchObject({ currentEmail: 'ada@example.com', newEmail: 'ada.lovelace@example.org' });
    expect(requested.expiresAt.getTime() - now().getTime()).toBe(24 * 3600 * 1000);

    const mails = await outbox();
    const toNew = mails.find((m) => m.to === 'ada.lovelace@example.org');
    const toOld = mails.find((m) => m.to === 'ada@example.com');
    expect(toNew?.text).toContain(`${h.config.issuer}/confirm-email?token=evt_`);
    expect(toNew?.text).not.toContain('ada@example.com'); // a mistyped new address learns nothing about the account
    expect(toOld?.text).toContain('to ada.lovelace@example.org');
    expect(toOld?.text).toContain('change your password now');
    expect(toOld?.text).not.toContain('token=');
    expect(await emailOf(user.id)).toBe('ada@example.com'); // unchanged until the change is confirmed
    expect(await findPendingEmailChange(db(), user.id, now())).toEqual({ newEmail: 'ada.lovelace@example.org', expiresAt: requested.expiresAt });

    const token = await lastLink('ada.lovelace@example.org');
    expect(await confirmEmailChange(db(), token, now())).toEqual({ ok: true, oldEmail: 'ada@example.com', newEmail: 'ada.lovelace@example.org' });
    expect(await confirmEmailChange(db(), token, now())).toMatchObject({ ok: false, problem: 'used' });
    expect(await confirmEmailChange(db(), 'evt_not-a-real-token', now())).toMatchObject({ ok: false, problem: 'invalid' });

    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ email: 'ada.lovelace@example.org', emailVerified: true });
    expect(await db().user.findUnique({ where: { email: 'ada@example.com' } })).toBeNull();
    expect(await verifyUserPassword(db(), 'ada@example.com', PASSWORD)).toBeNull();
    expect(await verifyUserPassword(db(), 'Ada.Lovelace@example.org', PASSWORD)).toMatchObject({ id: user.id });
    expect(await findPendingEmailChange(db(), user.id, now())).toBeNull();

    expect(await actions(user.id)).toEqual([
      { action: 'user.email_change_requested', details: { newEmail: 'ada.lovelace@example.org' } },
      { action: 'user.email_changed', details: { oldEmail: 'ada@example.com', newEmail: 'ada.lovelace@example.org' } },
    ]);
  });

  it('describes the change a link would make without spending it or changing anything', async () => {
    const user = await createUser(db(), { email: 'margaret@example.com', password: PASSWORD });
    await request(user.id, 'margaret@apollo.example');
    const token = await lastLink('margaret@apollo.example');
    const tokensBefore = await db().emailToken.findMany({ where: { userId: user.id }, orderBy: { id: 'asc' } });

    // Opened twice, as a mail scanner and then the user would.
    for (let i = 0; i < 2; i++) {
      expect(await describeEmailChange(db(), token, now())).toEqual({ ok: true, currentEmail: 'margaret@example.com', newEmail: 'margaret@apollo.example' });
    }
    expect(await emailOf(user.id)).toBe('margaret@example.com');
    expect(await db().emailToken.findMany({ where: { userId: user.id }, orderBy: { id: 'asc' } })).toEqual(tokensBefore);
    expect((await actions(user.id)).map((e) => e.action)).toEqual(['user.email_change_requested']);

    expect(await confirmEmailChange(db(), token, now())).toMatchObject({ ok: true, newEmail: 'margaret@apollo.example' });
    expect(await describeEmailChange(db(), token, now())).toMatchObject({ ok: false, problem: 'used', message: expect.stringContaining('already been used') as unknown });
  });

  it('describes invalid, expired, wrong-purpose and taken links as the confirmation would answer them', async () => {
    const user = await createUser(db(), { email: 'frances@example.com', password: PASSWORD });
    await requestPasswordReset(db(), mailer, { email: 'frances@example.com', issuer: h.config.issuer, now: now() });
    const reset = await lastLink('frances@example.com');
    await request(user.id, 'frances@ibm.example');
    const token = await lastLink('frances@ibm.example');
    const later = new Date(now().getTime() + 24 * 3600 * 1000 + 1);

    expect(await describeEmailChange(db(), '', now())).toMatchObject({ ok: false, problem: 'invalid' });
    expect(await describeEmailChange(db(), 'evt_not-a-real-token', now())).toMatchObject({ ok: false, problem: 'invalid' });
    expect(await describeEmailChange(db(), reset, now())).toMatchObject({ ok: false, problem: 'invalid' });
    expect(await describeEmailChange(db(), token, later)).toMatchObject({ ok: false, problem: 'expired', message: 'This link has expired. Ask for a new one.' });

    const other = await createUser(db(), { email: 'frances@ibm.example', password: PASSWORD });
    expect(await describeEmailChange(db(), token, now())).toMatchObject({ ok: false, problem: 'taken', newEmail: 'frances@ibm.example' });
    await db().user.delete({ where: { id: other.id } });
    expect(await describeEmailChange(db(), token, now())).toMatchObject({ ok: true, newEmail: 'frances@ibm.example' });
    // None of it spent either link.
    await expect(checkEmailToken(db(), token, 'change_email', now())).resolves.toEqual({ userId: user.id });
    await expect(checkEmailToken(db(), reset, 'reset_password', now())).resolves.toEqual({ userId: user.id });
  });

  it('refuses an expired link and leaves the address as it was', async () => {
    const user = await createUser(db(), { email: 'linus@example.com', password: PASSWORD });
    await request(user.id, 'linus@example.net');
    const token = await lastLink('linus@example.net');
    const later = new Date(now().getTime() + 24 * 3600 * 1000 + 1);
    expect(await confirmEmailChange(db(), token, later)).toMatchObject({ ok: false, problem: 'expired', message: 'This link has expired. Ask for a new one.' });
    expect(await emailOf(user.id)).toBe('linus@example.com');
    expect(await actions(user.id)).toHaveLength(1);
  });

  it('ends the earlier link when a newer change is requested', async () => {
    const user = await createUser(db(), { email: 'grace@example.com', password: PASSWORD });
    await request(user.id, 'grace@first.example');
    const first = await lastLink('grace@first.example');
    h.clock.advance(60);
    await request(user.id, 'grace@second.example');
    const second = await lastLink('grace@second.example');

    expect(await findPendingEmailChange(db(), user.id, now())).toMatchObject({ newEmail: 'grace@second.example' });
    expect(await confirmEmailChange(db(), first, now())).toMatchObject({ ok: false, problem: 'expired' });
    expect(await emailOf(user.id)).toBe('grace@example.com');
    expect(await confirmEmailChange(db(), second, now())).toMatchObject({ ok: true, newEmail: 'grace@second.example' });
  });

  it('answers "taken" when another account got the address first, and keeps the link unspent', async () => {
    const user = await createUser(db(), { email: 'ken@example.com', password: PASSWORD });
    await request(user.id, 'ken@unix.example');
    const token = await lastLink('ken@unix.example');
    const other = await createUser(db(), { email: 'ken@unix.example', password: PASSWORD });

    expect(await confirmEmailChange(db(), token, now())).toMatchObject({ ok: false, problem: 'taken', newEmail: 'ken@unix.example' });
    expect(await emailOf(user.id)).toBe('ken@example.com');
    await expect(checkEmailToken(db(), token, 'change_email', now())).resolves.toEqual({ userId: user.id });

    // Freed before the link expires: the change the user asked for goes through.
    await db().user.delete({ where: { id: other.id } });
    expect(await confirmEmailChange(db(), token, now())).toMatchObject({ ok: true, newEmail: 'ken@unix.example' });
  });

  it('spends reset links mailed to the old address once the address changes', async () => {
    const user = await createUser(db(), { email: 'barbara@example.com', password: PASSWORD });
    await requestPasswordReset(db(), mailer, { email: 'barbara@example.com', issuer: h.config.issuer, now: now() });
    const reset = await lastLink('barbara@example.com');
    await request(user.id, 'barbara@example.net');
    expect(await confirmEmailChange(db(), await lastLink('barbara@example.net'), now())).toMatchObject({ ok: true });
    const problem = await checkEmailToken(db(), reset, 'reset_password', now()).then(
      () => null,
      (err: unknown) => (err instanceof EmailLinkError ? err.problem : err),
    );
    expect(problem).toBe('used');
  });

  it('lets only one of two concurrent uses of a link succeed', async () => {
    const user = await createUser(db(), { email: 'edsger@example.com', password: PASSWORD });
    await request(user.id, 'edsger@example.nl');
    const token = await lastLink('edsger@example.nl');
    const results = await Promise.allSettled([confirmEmailChange(db(), token, now()), confirmEmailChange(db(), token, now())]);
    expect(results.filter((r) => r.status === 'fulfilled' && r.value.ok)).toHaveLength(1);
    expect((await actions(user.id)).filter((e) => e.action === 'user.email_changed')).toHaveLength(1);
  });

  it('refuses a link of another purpose', async () => {
    const user = await createUser(db(), { email: 'alan@example.com', password: PASSWORD });
    await requestPasswordReset(db(), mailer, { email: 'alan@example.com', issuer: h.config.issuer, now: now() });
    expect(await confirmEmailChange(db(), await lastLink('alan@example.com'), now())).toMatchObject({ ok: false, problem: 'invalid' });
    expect(await emailOf(user.id)).toBe('alan@example.com');
  });
});
