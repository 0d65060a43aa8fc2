/**
 * acr/amr (OIDC Core §2, §3.1.2.1 acr_values; RFC 8176): what the ID token says about how the
 * user signed in, and a client asking for a second factor.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { ACR_MFA, ACR_PASSWORD } from '@/lib/oidc/acr.ts';
import { basic, call, CHALLENGE, sessionCookie, startCore, VERIFIER, type Harness } from '../support/core-harness.ts';
import { createClient } from '@/lib/portal/create-client.ts';

let h: Harness;
let user: { id: string };
let client: { id: string; secret: string };
const REDIRECT = 'https://notes.example.com/cb';

beforeAll(async () => {
  h = await startCore();
  user = await createUser(h.runtime.db, { email: 'ada@acr.example', password: 'correct horse battery' });
  const created = await createClient(h.runtime.db, { name: 'Notes', type: 'web', redirectUris: [REDIRECT] });
  client = { id: created.client.id, secret: created.clientSecret! };
  await h.runtime.stores.consents.grant(user.id, client.id, ['openid', 'offline_access']);
});
afterAll(() => h?.close());

const PASSWORD_ONLY = ['pwd'];
const WITH_TOTP = ['pwd', 'otp', 'mfa'];

async function authorize(cookie: string, extra: Record<string, string> = {}, path?: string) {
  const params = new URLSearchParams({
    client_id: client.id, redirect_uri: REDIRECT, response_type: 'code', scope: 'openid offline_access', state: 'st',
    code_challenge: CHALLENGE, code_challenge_method: 'S256', ...extra,
  });
  const res = await call(h, 'authorize', { path: path ?? `/oauth/authorize?${params}`, headers: { cookie } });
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location')!, h.config.issuer);
}

async function tokensFor(callback: URL) {
  const code = callback.searchParams.get('code');
  expect(code, callback.toString()).toBeTruthy();
  const res = await call(h, 'token', {
    body: { grant_type: 'authorization_code', code: code!, redirect_uri: REDIRECT, code_verifier: VERIFIER },
    headers: { authorization: basic(client.id, client.secret) },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { id_token: string; refresh_token: string };
}

describe('acr and amr', () => {
  it('advertises the classes in discovery', async () => {
    const doc = await (await call(h, 'discovery', { path: '/.well-known/openid-configuration' })).json();
    expect(doc.acr_values_supported).toEqual([ACR_PASSWORD, ACR_MFA]);
    expect(doc.claims_supported).toEqual(expect.arrayContaining(['acr', 'amr']));
  });

  it('puts the sign-in methods in the ID token, and keeps them on refresh', async () => {
    const plain = await tokensFor(await authorize(await sessionCookie(h, user.id, undefined, PASSWORD_ONLY)));
    expect(decodeJwt(plain.id_token)).toMatchObject({ acr: ACR_PASSWORD, amr: ['pwd'] });

    const strong = await tokensFor(await authorize(await sessionCookie(h, user.id, undefined, WITH_TOTP)));
    expect(decodeJwt(strong.id_token)).toMatchObject({ acr: ACR_MFA, amr: WITH_TOTP });
    const refreshed = await call(h, 'token', {
      body: { grant_type: 'refresh_token', refresh_token: strong.refresh_token },
      headers: { authorization: basic(client.id, client.secret) },
    });
    expect(decodeJwt(((await refreshed.json()) as { id_token: string }).id_token)).toMatchObject({ acr: ACR_MFA, amr: WITH_TOTP });
  });

  it('sends a password-only session to sign in again when the client asks for a second factor', async () => {
    const cookie = await sessionCookie(h, user.id, undefined, PASSWORD_ONLY);
    const login = await authorize(cookie, { acr_values: ACR_MFA });
    expect(login.pathname).toBe('/login');
    expect(login.searchParams.get('second_factor')).toBe('1');

    // Signed in again with TOTP during the interaction: the request goes through.
    h.clock.advance(5);
    const stronger = await sessionCookie(h, user.id, undefined, WITH_TOTP);
    const resumed = await authorize(stronger, {}, `/oauth/authorize?interaction=${login.searchParams.get('interaction')}`);
    expect(decodeJwt((await tokensFor(resumed)).id_token)).toMatchObject({ acr: ACR_MFA });
  });

  it('tells the sign-in page that a second factor is asked for when nobody is signed in', async () => {
    const login = await authorize('', { acr_values: ACR_MFA });
    expect(login.pathname).toBe('/login');
    expect(login.searchParams.get('second_factor')).toBe('1');
    expect((await authorize('', { acr_values: ACR_PASSWORD })).searchParams.get('second_factor')).toBeNull();
  });

  it('answers unmet_authentication_requirements when the new sign-in still lacks the second factor', async () => {
    const login = await authorize(await sessionCookie(h, user.id, undefined, PASSWORD_ONLY), { acr_values: ACR_MFA });
    h.clock.advance(5);
    const again = await sessionCookie(h, user.id, undefined, PASSWORD_ONLY);
    const back = await authorize(again, {}, `/oauth/authorize?interaction=${login.searchParams.get('interaction')}`);
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ error: 'unmet_authentication_requirements', state: 'st', iss: h.config.issuer });
  });

  it('answers login_required to prompt=none when a second factor is asked for and missing', async () => {
    const back = await authorize(await sessionCookie(h, user.id, undefined, PASSWORD_ONLY), { acr_values: ACR_MFA, prompt: 'none' });
    expect(back.searchParams.get('error')).toBe('login_required');
  });

  it('is satisfied by any listed class the session meets, and ignores classes it does not know', async () => {
    const cookie = await sessionCookie(h, user.id, undefined, PASSWORD_ONLY);
    for (const acrValues of [`${ACR_MFA} ${ACR_PASSWORD}`, 'urn:example:unknown', ACR_PASSWORD]) {
      const callback = await authorize(cookie, { acr_values: acrValues });
      expect(callback.searchParams.get('code'), acrValues).toBeTruthy();
    }
    // A second-factor session meets a request for a password-only class.
    const strong = await authorize(await sessionCookie(h, user.id, undefined, WITH_TOTP), { acr_values: ACR_PASSWORD });
    expect(strong.searchParams.get('code')).toBeTruthy();
  });
});
