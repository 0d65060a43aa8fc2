import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionPort } from '../auth/session-port.ts';
import { COMMON_PASSWORD_MESSAGE } from '../validation/user.ts';
import { sessionCookie, startCore, type Harness } from '../../tests/support/core-harness.ts';
import { changePassword, WrongCurrentPasswordError } from './change-password.ts';
import { createUser } from './create-user.ts';
import { checkEmailToken, EmailLinkError } from './email-tokens.ts';
import { createMailer, outboxPath, readOutbox, type Mailer } from './mailer.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { resetPassword } from './reset-password.ts';
import { sendVerificationEmail } from './send-verification-email.ts';
import { createSessionValidityCheck, startUserSession } from './user-sessions.ts';
import { verifyEmail } from './verify-email.ts';
import { verifyUserPassword } from './verify-password.ts';

const PASSWORD = 'correct horse battery';

describe('email links, password reset and change (SQLite)', () => {
  let h: Harness;
  let mailer: Mailer;

  beforeAll(async () => {
    h = await startCore();
    mailer = createMailer(h.config, () => h.clock.now);
  });
  afterAll(async () => h?.close());

  const now = () => h.clock.now;
  /** The token in the newest outbox message to `to`. */
  async function lastLink(to: string): Promise<string> {
    const message = (await readOutbox(h.config.dataDir)).find((m) => m.to === to);
    const match = message?.text.match(/[?&]token=([^\s&]+)/);
    if (!match?.[1]) throw new Error(`no link mailed to ${to}`);
    return decodeURIComponent(match[1]);
  }
  const linkError = (fn: () => Promise<unknown>) =>
    fn().then(
      () => null,
      (err: unknown) => (err instanceof EmailLinkError ? err.problem : err),
    );

  it('mails a verification link to the outbox file that verifies the email once', async () => {
    const user = await createUser(h.runtime.db, { email: 'grace@example.com', password: PASSWORD });
    await sendVerificationEmail(h.runtime.db, mailer, { userId: user.id, issuer: h.config.issuer, now: now() });

    const line = JSON.parse(readFileSync(outboxPath(h.config.dataDir), 'utf8').trim().split('\n').at(-1)!) as Record<string, string>;
    expect(line).toMatchObject({ to: 'grace@example.com', subject: 'Confirm your email address for Portico', createdAt: now().toISOString() });
    expect(line.text).toContain(`${h.config.issuer}/verify-email?token=evt_`);

    const token = await lastLink('grace@example.com');
    const stored = await h.runtime.db.emailToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toContain(token.slice(4)); // only the hash is stored
    expect(stored.expiresAt.getTime() - now().getTime()).toBe(24 * 3600 * 1000);

    expect(await verifyEmail(h.runtime.db, token, now())).toEqual({ email: 'grace@example.com' });
    expect((await h.runtime.db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBe(true);
    expect(await linkError(() => verifyEmail(h.runtime.db, token, now()))).toBe('used');
    expect(await linkError(() => verifyEmail(h.runtime.db, 'evt_not-a-real-token', now()))).toBe('invalid');
    expect(await linkError(() => verifyEmail(h.runtime.db, 'garbage', now()))).toBe('invalid');
  });

  it('refuses an expired verification link', async () => {
    const user = await createUser(h.runtime.db, { email: 'linus@example.com', password: PASSWORD });
    await sendVerificationEmail(h.runtime.db, mailer, { userId: user.id, issuer: h.config.issuer, now: now() });
    const token = await lastLink('linus@example.com');
    const later = new Date(now().getTime() + 24 * 3600 * 1000 + 1);
    expect(await linkError(() => verifyEmail(h.runtime.db, token, later))).toBe('expired');
    expect((await h.runtime.db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBe(false);
  });

  it('answers a reset request the same way for unknown emails and mails nothing', async () => {
    const before = (await readOutbox(h.config.dataDir, 1000)).length;
    await expect(requestPasswordReset(h.runtime.db, mailer, { email: 'nobody@example.com', issuer: h.config.issuer })).resolves.toBeUndefined();
    await expect(requestPasswordReset(h.runtime.db, mailer, { email: 'not an email', issuer: h.config.issuer })).resolves.toBeUndefined();
    expect((await readOutbox(h.config.dataDir, 1000)).length).toBe(before);
  });

  it('resets the password once within the hour, ending every existing session', async () => {
    const user = await createUser(h.runtime.db, { email: 'ken@example.com', password: PASSWORD });
    const oldCookie = await sessionCookie(h, user.id, Math.floor(now().getTime() / 1000) - 60);
    const port = createSessionPort({ secret: h.config.sessionSecret, secureCookies: false, isSessionValid: createSessionValidityCheck(h.runtime.db, now) });
    const read = (cookie: string) => port.read(new Request(h.config.issuer, { headers: { cookie } }));
    expect(await read(oldCookie)).toMatchObject({ userId: user.id });

    await requestPasswordReset(h.runtime.db, mailer, { email: ' KEN@example.com ', issuer: h.config.issuer, now: now() });
    const token = await lastLink('ken@example.com');
    await expect(checkEmailToken(h.runtime.db, token, 'reset_password', now())).resolves.toEqual({ userId: user.id });
    // A reset link is not a verification link.
    expect(await linkError(() => verifyEmail(h.runtime.db, token, now()))).toBe('invalid');
    // The common-password rule applies, and a refused password does not spend the link.
    await expect(resetPassword(h.runtime.db, { token, password: 'Password1' }, now())).rejects.toThrow(COMMON_PASSWORD_MESSAGE);

    await resetPassword(h.runtime.db, { token, password: 'a brand new passphrase' }, now());
    expect(await verifyUserPassword(h.runtime.db, 'ken@example.com', PASSWORD)).toBeNull();
    expect(await verifyUserPassword(h.runtime.db, 'ken@example.com', 'a brand new passphrase')).toMatchObject({ id: user.id });
    expect(await read(oldCookie)).toBeNull();
    expect(await read(await sessionCookie(h, user.id, Math.floor(now().getTime() / 1000) + 1))).toMatchObject({ userId: user.id });
    expect(await linkError(() => resetPassword(h.runtime.db, { token, password: 'yet another passphrase' }, now()))).toBe('used');

    const events = await h.runtime.db.auditEvent.findMany({ where: { actorUserId: user.id }, select: { action: true } });
    expect(events.map((e) => e.action).sort()).toEqual(['user.password_reset', 'user.password_reset_requested']);
  });

  it('refuses a reset link after one hour', async () => {
    await requestPasswordReset(h.runtime.db, mailer, { email: 'grace@example.com', issuer: h.config.issuer, now: now() });
    const token = await lastLink('grace@example.com');
    const later = new Date(now().getTime() + 3600 * 1000 + 1);
    expect(await linkError(() => checkEmailToken(h.runtime.db, token, 'reset_password', later))).toBe('expired');
    expect(await linkError(() => resetPassword(h.runtime.db, { token, password: 'a brand new passphrase' }, later))).toBe('expired');
    expect(await verifyUserPassword(h.runtime.db, 'grace@example.com', PASSWORD)).not.toBeNull();
  });

  it('lets only one of two concurrent uses of a link succeed', async () => {
    await requestPasswordReset(h.runtime.db, mailer, { email: 'linus@example.com', issuer: h.config.issuer, now: now() });
    const token = await lastLink('linus@example.com');
    const results = await Promise.allSettled([
      resetPassword(h.runtime.db, { token, password: 'first new passphrase' }, now()),
      resetPassword(h.runtime.db, { token, password: 'second new passphrase' }, now()),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('changes the password only with the right current one, ending every other session', async () => {
    const user = await createUser(h.runtime.db, { email: 'barbara@example.com', password: PASSWORD });
    const isValid = createSessionValidityCheck(h.runtime.db, now);
    const here = await startUserSession(h.runtime.db, { userId: user.id, amr: ['pwd'] }, now());
    const elsewhere = await startUserSession(h.runtime.db, { userId: user.id, amr: ['pwd'] }, now());
    expect(await isValid(user.id, elsewhere)).toBe(true);
    const actor = { userId: user.id, sessionId: here };

    await expect(changePassword(h.runtime.db, h.runtime.rateLimits.currentPasswordPerAccount, actor, { currentPassword: 'wrong password', newPassword: 'a better passphrase' }, now())).rejects.toBeInstanceOf(
      WrongCurrentPasswordError,
    );
    await expect(changePassword(h.runtime.db, h.runtime.rateLimits.currentPasswordPerAccount, actor, { currentPassword: PASSWORD, newPassword: 'iloveyou' }, now())).rejects.toThrow(COMMON_PASSWORD_MESSAGE);
    expect(await isValid(user.id, elsewhere)).toBe(true);

    const { endedSessions } = await changePassword(h.runtime.db, h.runtime.rateLimits.currentPasswordPerAccount, actor, { currentPassword: PASSWORD, newPassword: 'a better passphrase' }, now());
    expect(endedSessions).toEqual([elsewhere]);
    expect(await verifyUserPassword(h.runtime.db, 'barbara@example.com', 'a better passphrase')).toMatchObject({ id: user.id });
    expect(await isValid(user.id, elsewhere)).toBe(false);
    expect(await isValid(user.id, here)).toBe(true);
    // A session id is only valid for the user it belongs to.
    expect(await isValid('no-such-user', here)).toBe(false);
  });

  it('refuses common passwords at sign-up, whatever their case', async () => {
    await expect(createUser(h.runtime.db, { email: 'weak@example.com', password: 'PASSWORD' })).rejects.toThrow(COMMON_PASSWORD_MESSAGE);
    await expect(createUser(h.runtime.db, { email: 'weak@example.com', password: 'Qwertyuiop' })).rejects.toThrow(COMMON_PASSWORD_MESSAGE);
  });
});
