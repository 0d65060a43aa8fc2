/**
 * Issue 12, finding 5: id_token_hint accepts only ID tokens Portico issued, never another JWT it
 * signed with the same keys — a JWT access token (RFC 9068, typ at+jwt), which resource servers
 * see, or a logout token (typ logout+jwt), which apps' back-channel endpoints see. Otherwise anyone
 * holding the user's access token could sign them out without a question, or pass as a hint.
 */
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { nowSeconds } from '@/lib/oidc/tokens.ts';
import { basic, call, CHALLENGE, sessionCookie, startCore, VERIFIER, type Harness } from '../support/core-harness.ts';

const REDIRECT = 'https://rp.example.com/cb';

let h: Harness;
let user: { id: string };
let client: { id: string; secret: string };
let tokens: { access_token: string; id_token: string };

beforeAll(async () => {
  h = await startCore();
  user = await createUser(h.runtime.db, { email: 'hint@example.com', password: 'correct horse battery' });
  const created = await createClient(h.runtime.db, { name: 'JWT RP', type: 'web', redirectUris: [REDIRECT], accessTokenFormat: 'jwt' });
  client = { id: created.client.id, secret: created.clientSecret! };
  await h.runtime.stores.consents.grant(user.id, client.id, ['openid', 'email']);
  const code = new URL((await authorize({}, await sessionCookie(h, user.id))).headers.get('location')!).searchParams.get('code')!;
  const exchanged = await call(h, 'token', {
    body: { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER },
    headers: { authorization: basic(client.id, client.secret) },
  });
  tokens = await exchanged.json();
});
afterAll(() => h?.close());

function authorize(extra: Record<string, string>, cookie: string) {
  const params = new URLSearchParams({
    client_id: client.id, redirect_uri: REDIRECT, response_type: 'code', scope: 'openid email', state: 'st',
    code_challenge: CHALLENGE, code_challenge_method: 'S256', ...extra,
  });
  return call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: { cookie } });
}

const endSession = (hint: string, cookie: string) =>
  call(h, 'endSession', { path: `/oauth/end-session?${new URLSearchParams({ id_token_hint: hint })}`, headers: { cookie } });

/** A JWT signed with Portico's own ID token key, with these claims and header typ. */
function signed(claims: Record<string, unknown>, typ?: string) {
  const iat = nowSeconds(() => h.clock.now);
  return h.runtime.provider.keys.sign({ iss: h.config.issuer, sub: user.id, iat, exp: iat + 600, ...claims }, 'RS256', typ);
}

describe('id_token_hint', () => {
  it('the access token under test is a real RFC 9068 JWT access token', () => {
    expect(decodeProtectedHeader(tokens.access_token).typ).toBe('at+jwt');
    expect(decodeProtectedHeader(tokens.id_token).typ).toBe('JWT');
  });

  it('refuses a JWT access token at the authorization endpoint', async () => {
    const res = await authorize({ id_token_hint: tokens.access_token, prompt: 'none' }, await sessionCookie(h, user.id));
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('code')).toBeNull();
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/id_token_hint/);
  });

  it('refuses a JWT access token at end-session: the user stays signed in', async () => {
    const res = await endSession(tokens.access_token, await sessionCookie(h, user.id));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('id_token_hint');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a back-channel logout token (typ logout+jwt)', async () => {
    const logoutToken = await signed({ aud: client.id, jti: 'j1', events: { 'http://schemas.openid.net/event/backchannel-logout': {} } }, 'logout+jwt');
    expect((await endSession(logoutToken, await sessionCookie(h, user.id))).status).toBe(400);
  });

  it('refuses access-token claims (scope, client_id) even without the at+jwt type', async () => {
    const untyped = await signed({ aud: client.id, client_id: client.id, scope: 'openid email', jti: 'j2' });
    expect((await endSession(untyped, await sessionCookie(h, user.id))).status).toBe(400);
  });

  it('refuses a token whose audience is not an app registered here', async () => {
    for (const aud of [h.config.issuer, 'https://api.example.com', ['https://api.example.com', client.id]]) {
      const hint = await signed({ aud, azp: client.id });
      expect((await endSession(hint, await sessionCookie(h, user.id))).status).toBe(400);
    }
  });

  it('accepts the ID token Portico issued: end-session signs out at once', async () => {
    const res = await endSession(tokens.id_token, await sessionCookie(h, user.id));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/logged-out');
  });
});
