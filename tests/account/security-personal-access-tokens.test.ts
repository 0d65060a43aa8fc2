/**
 * Personal access tokens and account security (issue 12, finding 4), on a real migrated database
 * with the real REST API:
 * - a password reset and "sign out everywhere" revoke every token of the account (someone who
 *   had the account may have minted one); a password change keeps them (a deliberate choice, see
 *   lib/account/change-password.ts);
 * - an account whose email address is not confirmed cannot create one, and a token it already
 *   holds is refused by the REST API with a message that says what to do;
 * - creating and revoking a token is listed in the account's security activity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changePassword } from '@/lib/account/change-password.ts';
import { createUser } from '@/lib/account/create-user.ts';
import { issueEmailToken } from '@/lib/account/email-tokens.ts';
import { listSecurityActivity } from '@/lib/account/list-security-activity.ts';
import { resetPassword } from '@/lib/account/reset-password.ts';
import { signOutEverywhere } from '@/lib/account/sign-out-everywhere.ts';
import { createApi } from '@/lib/api/router.ts';
import { fetchEndpoint } from '@/lib/oidc/http/message.ts';
import {
  authenticatePersonalAccessToken,
  createPersonalAccessToken,
  ForbiddenError,
  listPersonalAccessTokens,
  revokePersonalAccessToken,
} from '@/lib/portal/index.ts';
import { startCore, type Harness } from '../support/core-harness.ts';

const PASSWORD = 'correct horse battery';
let h: Harness;
let counter = 0;
beforeAll(async () => (h = await startCore()));
afterAll(() => h?.close());

const db = () => h.runtime.db;
const now = () => h.clock.now;

async function newUser(opts: { verified?: boolean } = {}) {
  const user = await createUser(db(), { email: `pat-owner${++counter}@example.com`, password: PASSWORD });
  if (opts.verified !== false) await db().user.update({ where: { id: user.id }, data: { emailVerified: true } });
  return user;
}
const mint = async (userId: string, name = 'CI') =>
  (await createPersonalAccessToken(db(), { userId }, { name, scopes: ['clients:read'], expiresInDays: 30 }, now())).secret;
const works = async (secret: string) => (await authenticatePersonalAccessToken(db(), secret, now())) !== null;
const callApi = (secret: string) =>
  fetchEndpoint(createApi({ db: db(), clock: now, issuer: h.config.issuer }))(
    new Request(new URL('/api/v1/clients', h.config.issuer), { headers: { authorization: `Bearer ${secret}` } }),
  );

describe('personal access tokens end when the account is recovered', () => {
  it('a password reset revokes every token of the account, and only of that account', async () => {
    const user = await newUser();
    const other = await newUser();
    const [ci, laptop, theirs] = [await mint(user.id), await mint(user.id, 'laptop'), await mint(other.id)];
    const { token } = await issueEmailToken(db(), { userId: user.id, purpose: 'reset_password', now: now() });

    await resetPassword(db(), { token, password: 'a brand new passphrase' }, now());

    expect(await works(ci)).toBe(false);
    expect(await works(laptop)).toBe(false);
    expect((await listPersonalAccessTokens(db(), { userId: user.id })).map((t) => t.revokedAt)).toEqual([now(), now()]);
    expect(await works(theirs)).toBe(true);
    expect((await callApi(ci)).status).toBe(401);
  });

  it('"sign out everywhere" revokes them too, with the sessions', async () => {
    const user = await newUser();
    const secret = await mint(user.id);
    h.clock.advance(1);
    const result = await signOutEverywhere(db(), user.id, now());
    expect(result.revokedTokens).toBe(1);
    expect(await works(secret)).toBe(false);
    const [line] = await listSecurityActivity(db(), { userId: user.id });
    expect(line).toMatchObject({ action: 'user.signed_out_everywhere', text: 'Signed out everywhere', detail: '1 personal access token revoked' });
  });

  it('a password change keeps them working (the user proved the password; scripts keep running)', async () => {
    const user = await newUser();
    const secret = await mint(user.id);
    await changePassword(db(), h.runtime.rateLimits.currentPasswordPerAccount, { userId: user.id, sessionId: null }, { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' }, now());
    expect(await works(secret)).toBe(true);
  });
});

describe('an account whose email address is not confirmed', () => {
  it('cannot create a token, and is told how to confirm the address', async () => {
    const user = await newUser({ verified: false });
    const err = await mint(user.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as Error).message).toMatch(/^Confirm your email address before creating a personal access token\..*Forgot password\?/);
    expect(await db().personalAccessToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it('cannot use a token it already holds: the REST API answers 403 and says why', async () => {
    const user = await newUser();
    const secret = await mint(user.id);
    expect((await callApi(secret)).status).toBe(200);
    await db().user.update({ where: { id: user.id }, data: { emailVerified: false } });
    const res = await callApi(secret);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'forbidden', error_description: expect.stringMatching(/^Confirm the email address of the account/) });
  });
});

describe('security activity', () => {
  it('lists creating and revoking a token, by name', async () => {
    const user = await newUser();
    await mint(user.id, 'deploy bot');
    const [token] = await listPersonalAccessTokens(db(), { userId: user.id });
    h.clock.advance(1);
    await revokePersonalAccessToken(db(), { userId: user.id }, token!.id, now());
    const lines = await listSecurityActivity(db(), { userId: user.id });
    expect(lines.map(({ action, text, detail }) => ({ action, text, detail }))).toEqual([
      { action: 'pat.revoked', text: 'Revoked the personal access token "deploy bot"', detail: 'It no longer works' },
      { action: 'pat.created', text: 'Created the personal access token "deploy bot"', detail: 'Scopes: clients:read' },
    ]);
  });
});
