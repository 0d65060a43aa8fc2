/**
 * Issue 12, finding 4 (RFC 9700 §4.11.2, the authorization server as open redirector): anyone can
 * register an app with a redirect URI of their choosing and then send a link to Portico that
 * fails on purpose, so Portico's error redirect forwards the victim to that site. Portico sends the
 * browser back on its own only when the URI is trusted: the operator verified the app, or the user
 * is signed in at Portico in this browser. Otherwise a Portico page names the app (unverified),
 * says what went wrong and where the link goes, and the user decides. The same holds for
 * end-session (RP-Initiated Logout §2, §3) without a valid id_token_hint or a session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { basic, call, CHALLENGE, sessionCookie, startCore, VERIFIER, type Harness } from '../support/core-harness.ts';

const REDIRECT = 'https://rp.example.com/cb?tenant=1';
const LOGOUT = 'https://rp.example.com/signed-out';
const HOSTILE_STATE = '"><script>alert(1)</script>';

let h: Harness;
let user: { id: string };
let unverified: { id: string; secret: string };
let verified: { id: string };

beforeAll(async () => {
  h = await startCore();
  user = await createUser(h.runtime.db, { email: 'victim@example.com', password: 'correct horse battery' });
  const app = { type: 'web' as const, redirectUris: [REDIRECT], postLogoutRedirectUris: [LOGOUT] };
  const created = await createClient(h.runtime.db, { ...app, name: 'Totally <b>Legit</b> & "Safe"' });
  unverified = { id: created.client.id, secret: created.clientSecret! };
  verified = (await createClient(h.runtime.db, { ...app, name: 'Checked app' })).client;
  await h.runtime.db.client.update({ where: { id: verified.id }, data: { verified: true } });
});
afterAll(() => h?.close());

function authorize(clientId: string, extra: Record<string, string>, cookie?: string) {
  const params = new URLSearchParams({
    client_id: clientId, redirect_uri: REDIRECT, response_type: 'code', scope: 'openid', state: HOSTILE_STATE,
    code_challenge: CHALLENGE, code_challenge_method: 'S256', ...extra,
  });
  return call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: cookie ? { cookie } : {} });
}

/** The page's one link, unescaped the way a browser reads the attribute. */
function continueLink(html: string): URL {
  const hrefs = [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]!);
  const away = hrefs.filter((href) => !href.startsWith('/'));
  expect(away).toHaveLength(1);
  return new URL(away[0]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}

function expectPortico(res: Response) {
  expect(res.headers.get('location')).toBeNull();
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
}

describe('authorization errors for an unverified app, nobody signed in', () => {
  it.each([
    ['invalid_scope', { scope: 'openid admin' }, /permissions/],
    ['unsupported_response_type', { response_type: 'token' }, /kind of sign-in/],
    ['login_required', { prompt: 'none' }, /not signed in/],
  ])('%s: shows a Portico page with a link to the exact error redirect, never redirects', async (error, params, words) => {
    const res = await authorize(unverified.id, params);
    expect(res.status).toBe(400);
    expectPortico(res);
    const html = await res.text();
    expect(html).toContain('Totally &lt;b&gt;Legit&lt;/b&gt; &amp; &quot;Safe&quot;');
    expect(html).toMatch(/unverified/i);
    expect(html).toMatch(words);
    expect(html).toContain('Continue to rp.example.com');
    expect(html).not.toContain('<script>');
    const link = continueLink(html);
    expect(link.origin + link.pathname).toBe('https://rp.example.com/cb');
    expect(Object.fromEntries(link.searchParams)).toMatchObject({ tenant: '1', error, state: HOSTILE_STATE, iss: h.config.issuer });
  });
});

describe('authorization errors sent back at once', () => {
  it('for an app the operator verified', async () => {
    const res = await authorize(verified.id, { scope: 'openid admin' });
    expect(res.status).toBe(303);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin + to.pathname).toBe('https://rp.example.com/cb');
    expect(to.searchParams.get('error')).toBe('invalid_scope');
  });

  it('for a user signed in at Portico in this browser', async () => {
    const res = await authorize(unverified.id, { scope: 'openid admin' }, await sessionCookie(h, user.id));
    expect(res.status).toBe(303);
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('invalid_scope');
  });
});

describe('end-session with a post_logout_redirect_uri', () => {
  const endSession = (params: Record<string, string>, cookie?: string) =>
    call(h, 'endSession', { path: `/oauth/end-session?${new URLSearchParams({ post_logout_redirect_uri: LOGOUT, state: HOSTILE_STATE, ...params })}`, headers: cookie ? { cookie } : {} });

  it('shows the signed-out page with a link, not a redirect, for an unverified app without id_token_hint or session', async () => {
    const res = await endSession({ client_id: unverified.id });
    expect(res.status).toBe(200);
    expectPortico(res);
    const html = await res.text();
    expect(html).toMatch(/signed out/i);
    expect(html).toContain('Totally &lt;b&gt;Legit&lt;/b&gt;');
    expect(html).toMatch(/unverified/i);
    expect(html).toContain('Continue to rp.example.com');
    expect(html).not.toContain('<script>');
    const link = continueLink(html);
    expect(link.origin + link.pathname).toBe(LOGOUT);
    expect(link.searchParams.get('state')).toBe(HOSTILE_STATE);
  });

  it('redirects for an app the operator verified', async () => {
    const res = await endSession({ client_id: verified.id });
    expect(res.status).toBe(303);
    expect(new URL(res.headers.get('location')!).origin + new URL(res.headers.get('location')!).pathname).toBe(LOGOUT);
  });

  it('redirects with a valid id_token_hint', async () => {
    await h.runtime.stores.consents.grant(user.id, unverified.id, ['openid']);
    const code = new URL((await authorize(unverified.id, { state: 's' }, await sessionCookie(h, user.id))).headers.get('location')!).searchParams.get('code')!;
    const tokens = await (
      await call(h, 'token', { body: { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER }, headers: { authorization: basic(unverified.id, unverified.secret) } })
    ).json();
    const res = await endSession({ id_token_hint: tokens.id_token });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^https:\/\/rp\.example\.com\/signed-out\?state=/);
  });

  it('redirects once a signed-in user confirmed signing out', async () => {
    const cookie = await sessionCookie(h, user.id);
    const res = await call(h, 'endSession', { path: '/oauth/end-session', body: { client_id: unverified.id, post_logout_redirect_uri: LOGOUT, confirm: 'yes' }, headers: { cookie } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(LOGOUT);
  });
});
