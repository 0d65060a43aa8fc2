/**
 * The first administrator's generated password (issue 12, finding 6), on a real migrated database:
 * - it must be changed at first sign-in and stops working 24 hours after it was made (NIST SP
 *   800-63B §5.1.1.2: a password chosen by the system for a subscriber is temporary here, and
 *   first-admin.txt holds it in clear);
 * - signing in with it once expired is refused, with a message saying how to get a new one (the
 *   CLI's `portico user reset-password`, or "Forgot password?");
 * - while a change is required the protocol core sees no session (no code, no consent screen)
 *   though the browser stays signed in, so the user can reach the change-password page;
 * - changing it clears both fields and first-admin.txt; the CLI can issue a new temporary one.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changePassword } from '@/lib/account/change-password.ts';
import { createUser } from '@/lib/account/create-user.ts';
import { issueTemporaryPassword } from '@/lib/account/issue-temporary-password.ts';
import { signIn } from '@/lib/account/sign-in.ts';
import { createSessionValidityCheck, startUserSession } from '@/lib/account/user-sessions.ts';
import { SIGN_IN_MESSAGES } from '@/lib/auth/sign-in-messages.ts';
import { authenticatePersonalAccessToken, createPersonalAccessToken } from '@/lib/portal/index.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { deleteFirstAdminFile, ensureFirstAdmin, FIRST_ADMIN_EMAIL } from '@/lib/server/first-run.ts';
import { queryDataDir, runCli } from '@/cli/test-support.ts';
import { call, CHALLENGE, sessionCookie, startCore, type Harness } from '../support/core-harness.ts';

const DAY_MS = 86_400_000;
const REDIRECT_URI = 'https://notes.example.com/cb';
let h: Harness;
beforeAll(async () => (h = await startCore()));
afterAll(() => h?.close());

const db = () => h.runtime.db;
const now = () => h.clock.now;
const adminFile = () => path.join(h.config.dataDir, 'first-admin.txt');
const passwordInFile = () => /password: (\S+)/.exec(readFileSync(adminFile(), 'utf8'))![1]!;

describe('the first administrator', () => {
  let admin: { id: string; password: string };

  it('is created with a password that must be changed and expires in 24 hours', async () => {
    const created = await ensureFirstAdmin(db(), h.config.dataDir, now());
    expect(created).toMatchObject({ email: FIRST_ADMIN_EMAIL, expiresAt: new Date(now().getTime() + DAY_MS) });
    const row = await db().user.findUniqueOrThrow({ where: { email: FIRST_ADMIN_EMAIL } });
    expect(row).toMatchObject({ isAdmin: true, passwordChangeRequired: true, passwordExpiresAt: new Date(now().getTime() + DAY_MS) });
    expect(passwordInFile()).toBe(created!.password);
    admin = { id: row.id, password: created!.password };
  });

  it('signs in with it within the 24 hours, but the protocol core sees no session until it is changed', async () => {
    h.clock.advance(3600);
    expect(await signIn(db(), h.config.secret, { email: FIRST_ADMIN_EMAIL, password: admin.password }, now())).toMatchObject({ ok: true });

    // The browser stays signed in (next-auth's check allows it, to reach /change-password) …
    const sid = await startUserSession(db(), { userId: admin.id, amr: ['pwd'] }, now());
    expect(await createSessionValidityCheck(db(), now, { absoluteTimeoutSeconds: 30 * 86_400, allowPendingPasswordChange: true })(admin.id, sid)).toBe(true);
    // … but no app gets a code or a consent screen: the authorization endpoint sends it to sign in,
    // where the sign-in page forwards to /change-password.
    const app = (await createClient(db(), { name: 'Notes', type: 'web', redirectUris: [REDIRECT_URI] })).client;
    await h.runtime.stores.consents.grant(admin.id, app.id, ['openid']);
    const params = new URLSearchParams({ client_id: app.id, redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'openid', code_challenge: CHALLENGE, code_challenge_method: 'S256' });
    const authorize = async () => {
      const res = await call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: { cookie: await sessionCookie(h, admin.id) } });
      return new URL(res.headers.get('location')!, h.config.issuer).pathname;
    };
    expect(await authorize()).toBe('/login');
    expect((await db().userSession.findUniqueOrThrow({ where: { id: sid } })).endedAt).toBeNull();

    // Changing it clears both fields and the file; then the same session works everywhere.
    await changePassword(db(), h.runtime.rateLimits.currentPasswordPerAccount, { userId: admin.id, sessionId: sid }, { currentPassword: admin.password, newPassword: 'the administrator chose this one' }, now());
    expect(await db().user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ passwordChangeRequired: false, passwordExpiresAt: null });
    deleteFirstAdminFile(h.config.dataDir, FIRST_ADMIN_EMAIL);
    expect(existsSync(adminFile())).toBe(false);
    expect(await authorize()).toBe('/cb');
  });

  it('is refused once the generated password has expired, with the way to get a new one', async () => {
    const user = await createUser(db(), { email: 'late-admin@example.com', password: 'generated for you', isAdmin: true });
    await db().user.update({ where: { id: user.id }, data: { passwordChangeRequired: true, passwordExpiresAt: new Date(now().getTime() + DAY_MS) } });
    h.clock.advance(24 * 3600);
    expect(await signIn(db(), h.config.secret, { email: 'late-admin@example.com', password: 'generated for you' }, now())).toEqual({ ok: false, reason: 'password_expired' });
    // A wrong password says nothing about expiry.
    expect(await signIn(db(), h.config.secret, { email: 'late-admin@example.com', password: 'a wrong guess' }, now())).toEqual({ ok: false, reason: 'credentials' });
    expect(SIGN_IN_MESSAGES.PasswordExpired).toMatch(/portico user reset-password --email/);
    expect(SIGN_IN_MESSAGES.PasswordExpired).toMatch(/Forgot password\?/);
  });
});

describe('first-admin.txt', () => {
  it('is deleted only for the account it names', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'portico-first-admin-'));
    try {
      writeFileSync(path.join(dir, 'first-admin.txt'), `email: ${FIRST_ADMIN_EMAIL}\npassword: x\n`);
      deleteFirstAdminFile(dir, 'someone.else@example.com');
      expect(existsSync(path.join(dir, 'first-admin.txt'))).toBe(true);
      deleteFirstAdminFile(dir, FIRST_ADMIN_EMAIL);
      expect(existsSync(path.join(dir, 'first-admin.txt'))).toBe(false);
      deleteFirstAdminFile(dir, FIRST_ADMIN_EMAIL); // already gone: nothing to do
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('portico user reset-password', () => {
  let dataDir: string;
  beforeAll(() => void (dataDir = mkdtempSync(path.join(tmpdir(), 'portico-cli-reset-'))));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { PORTICO_SECRET: 'cli-reset-secret-0123456789abcdefghij' };

  it('prints a new temporary password, once, that works for 24 hours', async () => {
    expect((await runCli(dataDir, ['user', 'create', '--email', 'ops@example.com', '--password', 'the old passphrase'], env)).code).toBe(0);
    const { code, stdout, stderr } = await runCli(dataDir, ['user', 'reset-password', '--email', 'OPS@example.com', '--json'], env);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const out = JSON.parse(stdout) as { email: string; password: string; expires_at: string };
    expect(out.email).toBe('ops@example.com');
    expect(out.password).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(new Date(out.expires_at).getTime() - Date.now()).toBeGreaterThan(DAY_MS - 60_000);

    const human = await runCli(dataDir, ['user', 'reset-password', '--email', 'ops@example.com'], env);
    expect(human.stdout).toMatch(/must choose a new password when they sign in/);
    expect(human.stdout).not.toContain(out.password); // a new one each time
    const [row] = queryDataDir<{ passwordChangeRequired: number }>(dataDir, 'SELECT passwordChangeRequired FROM User WHERE email = ?', 'ops@example.com');
    expect(row?.passwordChangeRequired).toBe(1);
  });

  it('names the problem when there is no such account', async () => {
    const { code, stderr } = await runCli(dataDir, ['user', 'reset-password', '--email', 'nobody@example.com'], env);
    expect(code).toBe(1);
    expect(stderr).toMatch(/No account has the email address nobody@example\.com\. Check the address, or create the account with "portico user create"/);
  });
});

describe('issuing a temporary password', () => {
  it('ends the sessions and revokes the personal access tokens of the account', async () => {
    const user = await createUser(db(), { email: 'reissued@example.com', password: 'the old passphrase' });
    await db().user.update({ where: { id: user.id }, data: { emailVerified: true } });
    const pat = (await createPersonalAccessToken(db(), { userId: user.id }, { name: 'ci', scopes: ['clients:read'], expiresInDays: 1 }, now())).secret;
    const sid = await startUserSession(db(), { userId: user.id, amr: ['pwd'] }, now());
    const { password } = (await issueTemporaryPassword(db(), 'reissued@example.com', now()))!;
    expect((await db().userSession.findUniqueOrThrow({ where: { id: sid } })).endedAt).toEqual(now());
    expect(await authenticatePersonalAccessToken(db(), pat, now())).toBeNull();
    expect(await signIn(db(), h.config.secret, { email: 'reissued@example.com', password: 'the old passphrase' }, now())).toEqual({ ok: false, reason: 'credentials' });
    expect(await signIn(db(), h.config.secret, { email: 'reissued@example.com', password }, now())).toMatchObject({ ok: true });
  });
});
