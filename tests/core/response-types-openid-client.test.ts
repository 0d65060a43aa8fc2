/**
 * OpenID Connect implicit and hybrid flows and the form_post response mode, with openid-client 6 as
 * the relying party, against the in-process core on SQLite and PostgreSQL: OIDC Core §3.2 (id_token,
 * "id_token token"), §3.3 ("code id_token"), OAuth 2.0 Form Post Response Mode §2. openid-client
 * validates the ID token's signature (published JWKS), nonce, state, iss and, in the hybrid flow,
 * c_hash; at_hash of an implicit access token is checked here, as it leaves that to the app.
 */
import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { activityCounterOf } from '@/lib/db/activity-counter.ts';
import { fragmentParams, formPostRequest, readFormPost } from '../support/authorization-response.ts';
import { call, sessionCookie, startCore, type Harness } from '../support/core-harness.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { discoverInProcess } from '../support/in-process-fetch.ts';

const REDIRECT = 'https://rp.example.com/cb';
const ALL_TYPES = ['code', 'id_token', 'id_token token', 'code id_token', 'code token', 'code id_token token'];

/** OIDC Core §3.2.2.9: base64url of the left half of SHA-256 (RS256) of the access token. */
const leftHalfSha256 = (value: string) => createHash('sha256').update(value, 'ascii').digest().subarray(0, 16).toString('base64url');

describe.each(DATABASES)('implicit, hybrid and form_post with openid-client on %s', (kind) => {
  let database: TestDatabase;
  let h: Harness;
  let user: { id: string; email: string };
  let rp: { id: string; secret: string };
  let cookie: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await startCore({ DATABASE_URL: database.url });
    user = await createUser(h.runtime.db, { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' });
    const created = await createClient(h.runtime.db, { name: 'Hybrid RP', type: 'web', redirectUris: [REDIRECT] });
    rp = { id: created.client.id, secret: created.clientSecret! };
    await h.runtime.db.client.update({
      where: { id: rp.id },
      data: { responseTypes: JSON.stringify(ALL_TYPES), grantTypes: JSON.stringify(['authorization_code', 'implicit', 'refresh_token']) },
    });
    await h.runtime.stores.consents.grant(user.id, rp.id, ['openid', 'profile', 'email', 'offline_access']);
    cookie = await sessionCookie(h, user.id);
  });
  afterAll(async () => {
    if (h) await activityCounterOf(h.runtime.db).drain(); // the app-activity counts still waiting to be written
    await h?.close();
    await database?.drop();
  });

  const configure = (...execute: ((c: oidc.Configuration) => void)[]) => discoverInProcess(h, rp.id, oidc.ClientSecretBasic(rp.secret), execute);
  const authorize = (url: URL) => call(h, 'authorize', { path: url.pathname + url.search, headers: { cookie } });

  async function redirectedTo(url: URL): Promise<URL> {
    const res = await authorize(url);
    expect(res.status).toBe(303);
    return new URL(res.headers.get('location')!);
  }

  async function formPosted(url: URL) {
    const res = await authorize(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const post = readFormPost(await res.text());
    expect(post.action).toBe(REDIRECT);
    expect(post.method).toBe('post');
    return post;
  }

  it('implicit response_type=id_token: the ID token arrives in the fragment and validates', async () => {
    const config = await configure(oidc.useIdTokenResponseType);
    const nonce = oidc.randomNonce();
    const state = oidc.randomState();
    const callback = await redirectedTo(oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'openid email', nonce, state }));
    expect(callback.origin + callback.pathname).toBe(REDIRECT);
    expect(callback.search).toBe('');
    expect([...fragmentParams(callback.href).keys()].sort()).toEqual(['id_token', 'iss', 'state']);
    const claims = await oidc.implicitAuthentication(config, callback, nonce, { expectedState: state });
    expect(claims).toMatchObject({ iss: h.config.issuer, aud: rp.id, sub: user.id, nonce, email: user.email });
    expect(claims.auth_time).toBeTypeOf('number');
    expect(claims.at_hash).toBeUndefined();
    expect(claims.c_hash).toBeUndefined();
  });

  it('implicit response_type="id_token token": the access token is bound by at_hash and works at userinfo', async () => {
    const config = await configure(oidc.useIdTokenResponseType);
    const nonce = oidc.randomNonce();
    const callback = await redirectedTo(
      oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'openid email offline_access', nonce, state: 's1', response_type: 'id_token token' }),
    );
    const params = fragmentParams(callback.href);
    expect(params.get('token_type')).toBe('Bearer');
    expect(Number(params.get('expires_in'))).toBeGreaterThan(0);
    expect(params.has('refresh_token')).toBe(false); // never from the authorization endpoint
    const claims = await oidc.implicitAuthentication(config, callback, nonce, { expectedState: 's1' });
    const accessToken = params.get('access_token')!;
    expect(claims.at_hash).toBe(leftHalfSha256(accessToken));
    expect(await oidc.fetchUserInfo(config, accessToken, claims.sub)).toMatchObject({ sub: user.id, email: user.email });
  });

  it('hybrid response_type="code id_token": c_hash and nonce check out, and the code is redeemed with PKCE', async () => {
    const config = await configure(oidc.useCodeIdTokenResponseType);
    const verifier = oidc.randomPKCECodeVerifier();
    const nonce = oidc.randomNonce();
    const state = oidc.randomState();
    const callback = await redirectedTo(
      oidc.buildAuthorizationUrl(config, {
        redirect_uri: REDIRECT, scope: 'openid profile offline_access', nonce, state,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
      }),
    );
    expect(callback.search).toBe('');
    const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedNonce: nonce, expectedState: state });
    expect(tokens.claims()).toMatchObject({ sub: user.id, nonce, name: 'Ada' });
    expect(tokens.refresh_token).toBeTruthy(); // the token endpoint still refreshes (offline_access)
  });

  it('form_post with "code id_token": openid-client takes the POSTed body as the response', async () => {
    const config = await configure(oidc.useCodeIdTokenResponseType);
    const verifier = oidc.randomPKCECodeVerifier();
    const nonce = oidc.randomNonce();
    const post = await formPosted(
      oidc.buildAuthorizationUrl(config, {
        redirect_uri: REDIRECT, scope: 'openid', nonce, state: 'fp', response_mode: 'form_post',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
      }),
    );
    expect([...post.fields.keys()].sort()).toEqual(['code', 'id_token', 'iss', 'state']);
    const tokens = await oidc.authorizationCodeGrant(config, formPostRequest(post), { pkceCodeVerifier: verifier, expectedNonce: nonce, expectedState: 'fp' });
    expect(tokens.claims()?.sub).toBe(user.id);
  });

  it('form_post with id_token: implicitAuthentication takes the POSTed body', async () => {
    const config = await configure(oidc.useIdTokenResponseType);
    const nonce = oidc.randomNonce();
    const post = await formPosted(oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'openid', nonce, state: 'fp2', response_mode: 'form_post' }));
    const claims = await oidc.implicitAuthentication(config, formPostRequest(post), nonce, { expectedState: 'fp2' });
    expect(claims.sub).toBe(user.id);
  });

  it('form_post with code: the code flow answered by a POST', async () => {
    const config = await configure();
    const verifier = oidc.randomPKCECodeVerifier();
    const post = await formPosted(
      oidc.buildAuthorizationUrl(config, {
        redirect_uri: REDIRECT, scope: 'openid', state: 'fp3', response_mode: 'form_post',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
      }),
    );
    expect([...post.fields.keys()].sort()).toEqual(['code', 'iss', 'state']);
    const tokens = await oidc.authorizationCodeGrant(config, formPostRequest(post), { pkceCodeVerifier: verifier, expectedState: 'fp3', idTokenExpected: true });
    expect(tokens.claims()?.sub).toBe(user.id);
  });
});
