/**
 * Request objects (RFC 9101 JAR, OIDC Core §6.1) against the in-process core on SQLite and
 * PostgreSQL.
 * - openid-client 6: buildAuthorizationUrlWithJAR straight to the authorization endpoint, and
 *   through PAR (RFC 9126 §3), each to tokens.
 * - Raw requests for what must be refused, each invalid_request_object on an error page (never a
 *   redirect to a redirect_uri nobody has verified): alg none, another iss, another aud, expired,
 *   exp too far ahead, nbf too old, a client_id that is not the request's, a replayed jti, a key
 *   the client did not register, an alg other than its request_object_signing_alg, a JWE, another
 *   typ, request_uri inside, a response_type beside it that differs, and malformed input. At the
 *   PAR endpoint the same refusals are RFC 6749 §5.2 JSON.
 * - Only the object's parameters count (RFC 9101 §6.3): what the query sends beside it is ignored.
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { basic, call, CHALLENGE, sessionCookie, startCore, VERIFIER, type Harness } from '../support/core-harness.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { discoverInProcess } from '../support/in-process-fetch.ts';

const REDIRECT = 'https://rp.example.com/cb';

describe.each(DATABASES)('request objects on %s', (kind) => {
  let database: TestDatabase;
  let h: Harness;
  let cookie: string;
  let userId: string;
  const rp = { id: '', secret: '' };
  const parOnly = { id: '', secret: '' };
  let signingKey: CryptoKey;
  let strangerKey: CryptoKey;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await startCore({ DATABASE_URL: database.url });
    Object.defineProperty(h.clock, 'now', { get: () => new Date(), configurable: true });
    userId = (await createUser(h.runtime.db, { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' })).id;
    const pair = await generateKeyPair('ES256', { extractable: true });
    signingKey = pair.privateKey;
    strangerKey = (await generateKeyPair('ES256')).privateKey;
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'ro-1' }] });
    for (const [target, name, requirePar] of [[rp, 'JAR app', false], [parOnly, 'PAR-only JAR app', true]] as const) {
      const created = await createClient(h.runtime.db, { name, type: 'web', redirectUris: [REDIRECT] });
      Object.assign(target, { id: created.client.id, secret: created.clientSecret });
      await h.runtime.db.client.update({ where: { id: target.id }, data: { jwks, requirePushedAuthorizationRequests: requirePar } });
      await h.runtime.stores.consents.grant(userId, target.id, ['openid', 'email', 'offline_access']);
    }
    cookie = await sessionCookie(h, userId);
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const authorize = (query: URLSearchParams | URL) => call(h, 'authorize', { path: `/oauth/authorize${query instanceof URL ? query.search : `?${query}`}`, headers: { cookie } });

  /** A request object as openid-client makes one, with `claims` and `header` overriding the defaults. */
  function requestObject(claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}, key: CryptoKey = signingKey, clientId = rp.id) {
    const t = now();
    return new SignJWT({
      iss: clientId, aud: h.config.issuer, iat: t, nbf: t, exp: t + 60, jti: randomUUID(),
      client_id: clientId, response_type: 'code', redirect_uri: REDIRECT, scope: 'openid email', state: 'inside',
      code_challenge: CHALLENGE, code_challenge_method: 'S256', ...claims,
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'oauth-authz-req+jwt', kid: 'ro-1', ...header })
      .sign(key);
  }

  const withRequest = (request: string, outer: Record<string, string> = {}) => new URLSearchParams({ client_id: rp.id, request, ...outer });

  async function expectRefused(res: Response, description?: RegExp) {
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('invalid_request_object');
    if (description) expect(html).toMatch(description);
  }

  const codeFrom = (res: Response) => {
    expect(res.status).toBe(303);
    const back = new URL(res.headers.get('location')!);
    expect(back.origin + back.pathname).toBe(REDIRECT);
    return back;
  };

  describe('with openid-client', () => {
    it('buildAuthorizationUrlWithJAR: a signed request object at the authorization endpoint, then tokens', async () => {
      const config = await discoverInProcess(h, rp.id, oidc.ClientSecretBasic(rp.secret));
      const verifier = oidc.randomPKCECodeVerifier();
      const nonce = oidc.randomNonce();
      const url = await oidc.buildAuthorizationUrlWithJAR(
        config,
        { redirect_uri: REDIRECT, scope: 'openid email', state: 'jar', nonce, code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' },
        { key: signingKey, kid: 'ro-1' },
      );
      expect(url.searchParams.has('request')).toBe(true);
      expect(url.searchParams.has('redirect_uri')).toBe(false);
      const tokens = await oidc.authorizationCodeGrant(config, codeFrom(await authorize(url)), { pkceCodeVerifier: verifier, expectedState: 'jar', expectedNonce: nonce });
      expect(tokens.claims()).toMatchObject({ sub: userId, nonce, email: 'ada@example.com' });
    });

    it('buildAuthorizationUrlWithJAR then buildAuthorizationUrlWithPAR: the request object pushed (RFC 9126 §3)', async () => {
      const config = await discoverInProcess(h, parOnly.id, oidc.ClientSecretBasic(parOnly.secret));
      const verifier = oidc.randomPKCECodeVerifier();
      const signed = async () =>
        oidc.buildAuthorizationUrlWithJAR(
          config,
          { redirect_uri: REDIRECT, scope: 'openid', state: 'jar-par', code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' },
          { key: signingKey, kid: 'ro-1' },
        );
      // This client must push: a request object sent straight to the authorization endpoint is refused (RFC 9126 §6).
      const direct = codeFrom(await authorize(await signed()));
      expect(direct.searchParams.get('error')).toBe('invalid_request');
      const url = await oidc.buildAuthorizationUrlWithPAR(config, (await signed()).searchParams);
      expect([...url.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
      const tokens = await oidc.authorizationCodeGrant(config, codeFrom(await authorize(url)), { pkceCodeVerifier: verifier, expectedState: 'jar-par', idTokenExpected: true });
      expect(tokens.claims()?.sub).toBe(userId);
    });
  });

  describe('at the authorization endpoint', () => {
    it('uses only the object’s parameters: the rest of the query is ignored (RFC 9101 §6.3)', async () => {
      const back = codeFrom(await authorize(withRequest(await requestObject({ scope: 'openid' }), { scope: 'openid email offline_access', state: 'outside', redirect_uri: 'https://evil.example.com/cb', prompt: 'none login' })));
      expect(back.searchParams.get('state')).toBe('inside');
      const tokens = await call(h, 'token', {
        body: { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: VERIFIER },
        headers: { authorization: basic(rp.id, rp.secret) },
      });
      expect(((await tokens.json()) as { scope: string }).scope).toBe('openid');
    });

    it('refuses an unsigned request object (alg none)', async () => {
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const t = now();
      const unsigned = `${encode({ alg: 'none' })}.${encode({ iss: rp.id, aud: h.config.issuer, exp: t + 60, client_id: rp.id, response_type: 'code', redirect_uri: REDIRECT, scope: 'openid' })}.`;
      await expectRefused(await authorize(withRequest(unsigned)), /alg/);
    });

    it('refuses another iss, another aud, and a client_id that is not the request’s', async () => {
      await expectRefused(await authorize(withRequest(await requestObject({ iss: 'someone-else' }))), /iss/);
      await expectRefused(await authorize(withRequest(await requestObject({ aud: 'https://other-issuer.example.com' }))), /aud/);
      await expectRefused(await authorize(withRequest(await requestObject({ client_id: parOnly.id }))), /client_id/);
      // Signed by this client, for another one named beside it: the keys of the client named outside verify it.
      await expectRefused(await authorize(new URLSearchParams({ client_id: parOnly.id, request: await requestObject() })), /iss/);
    });

    it('refuses an expired object, one valid too long, and one whose nbf is too old', async () => {
      const t = now();
      await expectRefused(await authorize(withRequest(await requestObject({ iat: t - 600, nbf: t - 600, exp: t - 120 }))), /expired/);
      await expectRefused(await authorize(withRequest(await requestObject({ exp: t + 7200 }))), /too far ahead/);
      await expectRefused(await authorize(withRequest(await requestObject({ nbf: t - 4000, iat: t - 4000, exp: t + 30 }))), /nbf/);
      await expectRefused(await authorize(withRequest(await requestObject({ nbf: t + 600 }))), /not valid yet/);
      await expectRefused(await authorize(withRequest(await requestObject({ exp: undefined }))), /exp/);
    });

    it('refuses a replayed jti', async () => {
      const object = await requestObject();
      expect(codeFrom(await authorize(withRequest(object))).searchParams.get('code')).toBeTruthy();
      await expectRefused(await authorize(withRequest(object)), /already used/);
    });

    it('refuses a signature by a key the client did not register, or by an alg other than its request_object_signing_alg', async () => {
      await expectRefused(await authorize(withRequest(await requestObject({}, {}, strangerKey))), /signature/);
      await expectRefused(await authorize(withRequest(await requestObject({}, { kid: undefined }, strangerKey))), /signature/);
      await h.runtime.db.client.update({ where: { id: rp.id }, data: { requestObjectSigningAlg: 'PS256' } });
      try {
        await expectRefused(await authorize(withRequest(await requestObject())), /PS256/);
      } finally {
        await h.runtime.db.client.update({ where: { id: rp.id }, data: { requestObjectSigningAlg: null } });
      }
      await h.runtime.db.client.update({ where: { id: rp.id }, data: { requestObjectSigningAlg: 'ES256' } });
      try {
        expect(codeFrom(await authorize(withRequest(await requestObject()))).searchParams.get('code')).toBeTruthy();
      } finally {
        await h.runtime.db.client.update({ where: { id: rp.id }, data: { requestObjectSigningAlg: null } });
      }
    });

    it('refuses encrypted, malformed and mistyped objects, request_uri inside, and a differing response_type beside it', async () => {
      await expectRefused(await authorize(withRequest('eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d')), /Encrypted/);
      await expectRefused(await authorize(withRequest('eyJ')));
      await expectRefused(await authorize(withRequest(await requestObject({}, { typ: 'dpop+jwt' }))), /typ/);
      await expectRefused(await authorize(withRequest(await requestObject({ request_uri: 'urn:ietf:params:oauth:request_uri:x' }))), /request_uri/);
      await expectRefused(await authorize(withRequest(await requestObject(), { response_type: 'id_token' })), /response_type/);
    });

    it('sends errors found after the object verified back to the client, as for any request', async () => {
      const back = codeFrom(await authorize(withRequest(await requestObject({ scope: 'openid admin' }))));
      expect(Object.fromEntries(back.searchParams)).toMatchObject({ error: 'invalid_scope', state: 'inside', iss: h.config.issuer });
    });
  });

  describe('at the PAR endpoint', () => {
    const pushObject = async (request: string) => call(h, 'par', { body: { request }, headers: { authorization: basic(rp.id, rp.secret) } });

    it('accepts a signed object, and refuses a bad one with RFC 6749 §5.2 JSON', async () => {
      const accepted = await pushObject(await requestObject());
      expect(accepted.status).toBe(201);
      for (const claims of [{ iss: 'someone-else' }, { aud: 'https://other-issuer.example.com' }, { exp: now() - 120 }]) {
        const res = await pushObject(await requestObject(claims));
        expect(res.status).toBe(400);
        expect(((await res.json()) as { error: string }).error).toBe('invalid_request_object');
      }
      const stranger = await pushObject(await requestObject({}, {}, strangerKey));
      expect(((await stranger.json()) as { error: string }).error).toBe('invalid_request_object');
    });

    it('refuses an object signed for another client than the one that authenticated', async () => {
      const res = await call(h, 'par', { body: { request: await requestObject({}, {}, signingKey, parOnly.id) }, headers: { authorization: basic(rp.id, rp.secret) } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe('invalid_request_object');
    });
  });
});
