/**
 * The claims request parameter (OIDC Core §5.5) against the in-process core on SQLite and
 * PostgreSQL, with openid-client 6 as the relying party for the happy paths and raw requests for
 * the refusals. Release stays scope-based: a requested claim arrives only when the user consented
 * to the scope that covers it (lib/oidc/claims-request.ts). Essential acr values (§5.5.1.1) and a
 * requested sub (§3.1.2.1) are honoured too.
 */
import { decodeJwt } from 'jose';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { ACR_MFA, ACR_PASSWORD } from '@/lib/oidc/acr.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { fragmentParams } from '../support/authorization-response.ts';
import { call, CHALLENGE, sessionCookie, startCore, type Harness } from '../support/core-harness.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { discoverInProcess } from '../support/in-process-fetch.ts';

const REDIRECT = 'https://claims-rp.example.com/cb';

describe.each(DATABASES)('the claims parameter on %s', (kind) => {
  let database: TestDatabase;
  let h: Harness;
  let user: { id: string; email: string };
  let rp: { id: string; secret: string };
  let cookie: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await startCore({ DATABASE_URL: database.url });
    user = await createUser(h.runtime.db, { email: 'ada@claims.example', password: 'correct horse battery', name: 'Ada Lovelace' });
    const created = await createClient(h.runtime.db, { name: 'Claims RP', type: 'web', redirectUris: [REDIRECT] });
    rp = { id: created.client.id, secret: created.clientSecret! };
    await h.runtime.db.client.update({
      where: { id: rp.id },
      data: { responseTypes: JSON.stringify(['code', 'id_token', 'code id_token']), grantTypes: JSON.stringify(['authorization_code', 'implicit', 'refresh_token']) },
    });
    // The user's standing consent to the app: email, not profile.
    await h.runtime.stores.consents.grant(user.id, rp.id, ['openid', 'email']);
    cookie = await sessionCookie(h, user.id);
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  const configure = (...execute: ((c: oidc.Configuration) => void)[]) => discoverInProcess(h, rp.id, oidc.ClientSecretBasic(rp.secret), execute);

  async function redirectedTo(url: URL, sessionCookieValue = cookie): Promise<URL> {
    const res = await call(h, 'authorize', { path: url.pathname + url.search, headers: { cookie: sessionCookieValue } });
    expect(res.status).toBe(303);
    return new URL(res.headers.get('location')!, h.config.issuer);
  }

  /** A code flow with openid-client: the tokens, and the ID token's claims. */
  async function codeFlow(claims: unknown, scope = 'openid', sessionCookieValue = cookie) {
    const config = await configure();
    const verifier = oidc.randomPKCECodeVerifier();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT, scope, state: 'st', claims: JSON.stringify(claims),
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
    });
    const tokens = await oidc.authorizationCodeGrant(config, await redirectedTo(url, sessionCookieValue), { pkceCodeVerifier: verifier, expectedState: 'st', idTokenExpected: true });
    return { config, tokens, idToken: tokens.claims()! };
  }

  /** A raw authorization request; `extra` overrides the defaults. */
  function rawRequest(extra: Record<string, string>): URL {
    const params = new URLSearchParams({ client_id: rp.id, redirect_uri: REDIRECT, response_type: 'code', scope: 'openid', state: 'raw', code_challenge: CHALLENGE, code_challenge_method: 'S256', ...extra });
    return new URL(`/oauth/authorize?${params}`, h.config.issuer);
  }

  it('code flow: email asked for in the ID token arrives (its scope is consented); name asked for at userinfo does not (profile is not)', async () => {
    const { config, tokens, idToken } = await codeFlow({ id_token: { email: { essential: true } }, userinfo: { name: null, email: null } });
    expect(idToken).toMatchObject({ sub: user.id, email: user.email });
    expect(idToken.email_verified).toBeUndefined(); // not asked for
    expect(idToken.name).toBeUndefined();
    const info = await oidc.fetchUserInfo(config, tokens.access_token, user.id);
    expect(info).toEqual({ sub: user.id, email: user.email });
  });

  it('once the user has consented to profile, the name asked for at userinfo is released', async () => {
    await h.runtime.stores.consents.grant(user.id, rp.id, ['profile']);
    const { config, tokens, idToken } = await codeFlow({ userinfo: { name: null } });
    expect(idToken.name).toBeUndefined(); // asked for at userinfo only
    expect(await oidc.fetchUserInfo(config, tokens.access_token, user.id)).toMatchObject({ sub: user.id, name: 'Ada Lovelace' });
    await h.runtime.stores.consents.grant(user.id, rp.id, [], ['profile']);
  });

  it('hybrid "code id_token": the ID token from the authorization endpoint carries the requested claim too', async () => {
    const config = await configure(oidc.useCodeIdTokenResponseType);
    const verifier = oidc.randomPKCECodeVerifier();
    const nonce = oidc.randomNonce();
    const callback = await redirectedTo(oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT, scope: 'openid', nonce, state: 'hy', claims: JSON.stringify({ id_token: { email: null, name: null } }),
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
    }));
    const fromAuthorization = decodeJwt(fragmentParams(callback.href).get('id_token')!);
    expect(fromAuthorization).toMatchObject({ sub: user.id, email: user.email });
    expect(fromAuthorization.name).toBeUndefined();
    const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedNonce: nonce, expectedState: 'hy' });
    expect(tokens.claims()).toMatchObject({ email: user.email });
  });

  it.each([
    ['not JSON', '{"id_token":'],
    ['not an object', '["email"]'],
    ['a claim request of the wrong shape', '{"userinfo":{"email":"please"}}'],
  ])('a malformed claims parameter (%s) is invalid_request, at the redirect URI', async (_, claims) => {
    const callback = await redirectedTo(rawRequest({ claims }));
    expect(callback.origin + callback.pathname).toBe(REDIRECT);
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('error_description')).toMatch(/claims/);
    expect(callback.searchParams.get('state')).toBe('raw');
    expect(callback.searchParams.get('iss')).toBe(h.config.issuer);
  });

  it('a malformed claims parameter with response_type=id_token is answered in the fragment', async () => {
    const callback = await redirectedTo(rawRequest({ response_type: 'id_token', nonce: 'n', claims: '{' }));
    expect(callback.search).toBe('');
    expect(fragmentParams(callback.href).get('error')).toBe('invalid_request');
  });

  it('asking for userinfo claims with response_type=id_token (no access token) is invalid_request', async () => {
    const callback = await redirectedTo(rawRequest({ response_type: 'id_token', nonce: 'n', claims: '{"userinfo":{"email":null}}' }));
    const params = fragmentParams(callback.href);
    expect(params.get('error')).toBe('invalid_request');
    expect(params.get('error_description')).toMatch(/access token/);
  });

  it('essential acr values beyond the session ask for a second factor; ones Portico cannot meet fail (§5.5.1.1)', async () => {
    const mfa = JSON.stringify({ id_token: { acr: { essential: true, values: [ACR_MFA] } } });
    const stepUp = await redirectedTo(rawRequest({ claims: mfa }));
    expect(stepUp.pathname).toBe('/login');
    expect(stepUp.searchParams.get('second_factor')).toBe('1');

    const unknown = await redirectedTo(rawRequest({ claims: JSON.stringify({ id_token: { acr: { essential: true, value: 'urn:example:gold' } } }) }));
    expect(unknown.searchParams.get('error')).toBe('unmet_authentication_requirements');
  });

  it('the ID token names the essential acr value the sign-in meets', async () => {
    const withTotp = await sessionCookie(h, user.id, undefined, ['pwd', 'otp', 'mfa']);
    const { idToken } = await codeFlow({ id_token: { acr: { essential: true, values: [ACR_PASSWORD] } } }, 'openid', withTotp);
    expect(idToken.acr).toBe(ACR_PASSWORD);
    const strongest = await codeFlow({ id_token: { acr: { essential: true, values: [ACR_PASSWORD, ACR_MFA] } } }, 'openid', withTotp);
    expect(strongest.idToken.acr).toBe(ACR_MFA);
  });

  it('a sub the request insists on that is not the signed-in user gets no tokens (§3.1.2.1)', async () => {
    const callback = await redirectedTo(rawRequest({ prompt: 'none', claims: JSON.stringify({ id_token: { sub: { value: 'someone-else' } } }) }));
    expect(callback.searchParams.get('error')).toBe('login_required');
    expect(callback.searchParams.has('code')).toBe(false);
    const same = await redirectedTo(rawRequest({ prompt: 'none', claims: JSON.stringify({ id_token: { sub: { value: user.id } } }) }));
    expect(same.searchParams.get('code')).toBeTruthy();
  });

  it('is advertised in discovery', async () => {
    const doc = await (await call(h, 'discovery', { path: '/.well-known/openid-configuration' })).json();
    expect(doc.claims_parameter_supported).toBe(true);
    expect(doc.claims_supported).toEqual(expect.arrayContaining(['sub', 'email', 'email_verified', 'name', 'phone_number', 'address', 'acr']));
    expect(doc.claims_supported).not.toContain('middle_name'); // Portico keeps none
  });
});
