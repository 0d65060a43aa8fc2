/**
 * Pushed authorization requests (RFC 9126) against the in-process core on SQLite and PostgreSQL.
 * - openid-client 6 (buildAuthorizationUrlWithPAR): the code flow end to end — push, sign-in and
 *   consent through the screens' API, token — for a confidential client (client_secret_basic), a
 *   public client pushing with a DPoP proof that binds the code (RFC 9449 §10.1), and a client
 *   authenticating with private_key_jwt at the PAR endpoint.
 * - Raw HTTP for what must be refused: no client authentication, request_uri in the push (§2.1),
 *   parameters the authorization endpoint would refuse (400 JSON, nothing stored), a dpop_jkt
 *   naming another key than the proof's; at the authorization endpoint a request_uri reused,
 *   raced by several browsers (one wins), expired, another client's, unknown or not Portico's; a
 *   client registered with require_pushed_authorization_requests sending a plain request (§6);
 *   and query parameters beside request_uri, which are ignored (§4).
 */
import { exportJWK, generateKeyPair } from 'jose';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { sha256 } from '@/lib/oidc/tokens.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { basic, call, CHALLENGE, sessionCookie, startCore, VERIFIER, type Harness } from '../support/core-harness.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { dpopKey, dpopProof } from '../support/dpop.ts';
import { discoverInProcess } from '../support/in-process-fetch.ts';

const REDIRECT = 'https://rp.example.com/cb';
const SPA_REDIRECT = 'https://spa.example.com/cb';
const URN = /^urn:ietf:params:oauth:request_uri:[A-Za-z0-9_-]{43}$/;

describe.each(DATABASES)('pushed authorization requests on %s', (kind) => {
  let database: TestDatabase;
  let h: Harness;
  let user: { id: string };
  let cookie: string;
  const web = { id: '', secret: '' };
  const parOnly = { id: '', secret: '' };
  let spaId: string;
  let keyed: { id: string; privateKey: CryptoKey };
  /** The server's clock follows real time (openid-client signs proofs and assertions with it), shifted by this. */
  let clockOffsetMs = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await startCore({ DATABASE_URL: database.url });
    Object.defineProperty(h.clock, 'now', { get: () => new Date(Date.now() + clockOffsetMs), configurable: true });
    user = await createUser(h.runtime.db, { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' });

    const webApp = await createClient(h.runtime.db, { name: 'Web', type: 'web', redirectUris: [REDIRECT] });
    Object.assign(web, { id: webApp.client.id, secret: webApp.clientSecret });
    spaId = (await createClient(h.runtime.db, { name: 'SPA', type: 'spa', redirectUris: [SPA_REDIRECT] })).client.id;
    const parApp = await createClient(h.runtime.db, { name: 'PAR only', type: 'web', redirectUris: [REDIRECT] });
    Object.assign(parOnly, { id: parApp.client.id, secret: parApp.clientSecret });
    await h.runtime.db.client.update({ where: { id: parOnly.id }, data: { requirePushedAuthorizationRequests: true } });

    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const keyedApp = await createClient(h.runtime.db, { name: 'Keys', type: 'web', redirectUris: [REDIRECT] });
    await h.runtime.db.client.update({
      where: { id: keyedApp.client.id },
      data: { tokenEndpointAuthMethod: 'private_key_jwt', jwks: JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k-1' }] }) },
    });
    keyed = { id: keyedApp.client.id, privateKey };

    // The web app's consent is given through the consent screen in the first test.
    for (const id of [spaId, parOnly.id, keyed.id]) await h.runtime.stores.consents.grant(user.id, id, ['openid', 'email', 'offline_access']);
    cookie = await sessionCookie(h, user.id);
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  const authorize = (query: URLSearchParams | URL, withCookie: string | null = cookie) => {
    const search = query instanceof URL ? query.search : `?${query}`;
    return call(h, 'authorize', { path: `/oauth/authorize${search}`, headers: withCookie ? { cookie: withCookie } : {} });
  };
  const push = (body: Record<string, string>, headers: Record<string, string> = {}) => call(h, 'par', { body, headers });
  const webPush = (extra: Record<string, string> = {}) =>
    push(
      { response_type: 'code', redirect_uri: REDIRECT, scope: 'openid email', state: 'pushed-state', code_challenge: CHALLENGE, code_challenge_method: 'S256', ...extra },
      { authorization: basic(web.id, web.secret) },
    );
  const pushedUri = async (extra: Record<string, string> = {}) => {
    const res = await webPush(extra);
    expect(res.status).toBe(201);
    return String(((await res.json()) as { request_uri: string }).request_uri);
  };

  async function expectErrorPage(res: Response, error: string, description?: RegExp) {
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain(error);
    if (description) expect(html).toMatch(description);
  }

  async function expectJsonError(res: Response, status: number, error: string) {
    expect(res.status).toBe(status);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.error, JSON.stringify(body)).toBe(error);
    return body;
  }

  const callback = (res: Response) => {
    expect(res.status).toBe(303);
    return new URL(res.headers.get('location')!, h.config.issuer);
  };

  describe('with openid-client', () => {
    it('runs the code flow through PAR: push, sign-in, consent, token — and the request_uri is then spent', async () => {
      const config = await discoverInProcess(h, web.id, oidc.ClientSecretBasic(web.secret));
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = await oidc.buildAuthorizationUrlWithPAR(config, {
        redirect_uri: REDIRECT, scope: 'openid email offline_access', state, nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
      });
      expect([...url.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
      const requestUri = url.searchParams.get('request_uri')!;
      expect(requestUri).toMatch(URN);
      // §2.2: kept hashed, short-lived, without the client's credentials.
      const row = await h.runtime.db.pushedAuthorizationRequest.findUniqueOrThrow({ where: { hash: sha256(requestUri) } });
      expect(row.clientId).toBe(web.id);
      expect(row.expiresAt.getTime() - h.clock.now.getTime()).toBeLessThanOrEqual(60_000);
      expect(JSON.parse(row.params)).toMatchObject({ client_id: web.id, redirect_uri: REDIRECT, state, nonce });
      expect(row.params).not.toContain(web.secret);

      // Nobody is signed in: the sign-in screen, then the consent screen, then the app.
      const login = callback(await authorize(url, null));
      expect(login.pathname).toBe('/login');
      const interaction = login.searchParams.get('interaction')!;
      const signedIn = await sessionCookie(h, user.id);
      const consent = callback(await authorize(new URLSearchParams({ interaction }), signedIn));
      expect(consent.pathname).toBe('/consent');
      const next = await h.runtime.provider.interactions.decideConsent(interaction, user.id, 'allow', ['email', 'offline_access']);
      const back = callback(await call(h, 'authorize', { path: next, headers: { cookie: signedIn } }));
      expect(back.origin + back.pathname).toBe(REDIRECT);

      const tokens = await oidc.authorizationCodeGrant(config, back, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
      expect(tokens.claims()).toMatchObject({ sub: user.id, nonce, email: 'ada@example.com' });
      expect(tokens.refresh_token).toBeTruthy();

      // §4: one use. A second visit of the same URL is an error page, not a second code.
      await expectErrorPage(await authorize(url), 'invalid_request_uri', /already used/);
    });

    it('binds the code to the DPoP key of the proof sent with the push (RFC 9449 §10.1), for a public client', async () => {
      const config = await discoverInProcess(h, spaId, oidc.None());
      const dpop = oidc.getDPoPHandle(config, await oidc.randomDPoPKeyPair('ES256'));
      const jkt = await dpop.calculateThumbprint();
      async function pushedFlow() {
        const verifier = oidc.randomPKCECodeVerifier();
        const url = await oidc.buildAuthorizationUrlWithPAR(
          config,
          { redirect_uri: SPA_REDIRECT, scope: 'openid email', state: 'spa', code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' },
          { DPoP: dpop },
        );
        const row = await h.runtime.db.pushedAuthorizationRequest.findUniqueOrThrow({ where: { hash: sha256(url.searchParams.get('request_uri')!) } });
        expect(JSON.parse(row.params).dpop_jkt).toBe(jkt);
        return { back: callback(await authorize(url)), checks: { pkceCodeVerifier: verifier, expectedState: 'spa' } };
      }

      const stolen = await pushedFlow();
      const code = stolen.back.searchParams.get('code')!;
      expect((await h.runtime.db.authorizationCode.findUniqueOrThrow({ where: { hash: sha256(code) } })).dpopJkt).toBe(jkt);
      const thief = oidc.getDPoPHandle(config, await oidc.randomDPoPKeyPair('ES256'));
      await expect(oidc.authorizationCodeGrant(config, stolen.back, stolen.checks, undefined, { DPoP: thief })).rejects.toMatchObject({ error: 'invalid_grant' });

      const own = await pushedFlow();
      const tokens = await oidc.authorizationCodeGrant(config, own.back, own.checks, undefined, { DPoP: dpop });
      expect(tokens.token_type).toBe('dpop');
    });

    it('authenticates the client with private_key_jwt at the PAR endpoint', async () => {
      const config = await discoverInProcess(h, keyed.id, oidc.PrivateKeyJwt({ key: keyed.privateKey, kid: 'k-1' }));
      const verifier = oidc.randomPKCECodeVerifier();
      const url = await oidc.buildAuthorizationUrlWithPAR(config, {
        redirect_uri: REDIRECT, scope: 'openid', state: 'pk', code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
      });
      const row = await h.runtime.db.pushedAuthorizationRequest.findUniqueOrThrow({ where: { hash: sha256(url.searchParams.get('request_uri')!) } });
      expect(Object.keys(JSON.parse(row.params))).not.toContain('client_assertion');
      const tokens = await oidc.authorizationCodeGrant(config, callback(await authorize(url)), { pkceCodeVerifier: verifier, expectedState: 'pk', idTokenExpected: true });
      expect(tokens.claims()?.sub).toBe(user.id);
    });
  });

  describe('at the PAR endpoint', () => {
    it('answers 201 with a request_uri and its lifetime, uncached', async () => {
      const res = await webPush();
      expect(res.status).toBe(201);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as Record<string, unknown>;
      expect(body.request_uri).toMatch(URN);
      expect(body.expires_in).toBe(60);
    });

    it('requires client authentication as the token endpoint does', async () => {
      const body = { response_type: 'code', redirect_uri: REDIRECT, scope: 'openid', code_challenge: CHALLENGE, code_challenge_method: 'S256' };
      await expectJsonError(await push(body), 401, 'invalid_client');
      await expectJsonError(await push({ ...body, client_id: web.id }), 401, 'invalid_client'); // a confidential client without its secret
      await expectJsonError(await push(body, { authorization: basic(web.id, 'wrong') }), 401, 'invalid_client');
      const get = await call(h, 'par', { method: 'GET' });
      expect(get.status).toBe(405);
    });

    it('refuses request_uri in the push (§2.1)', async () => {
      const body = await expectJsonError(await webPush({ request_uri: 'urn:ietf:params:oauth:request_uri:abc' }), 400, 'invalid_request');
      expect(body.error_description).toMatch(/request_uri/);
    });

    it('validates the request as the authorization endpoint would, with JSON errors and nothing stored', async () => {
      const before = await h.runtime.db.pushedAuthorizationRequest.count();
      await expectJsonError(await webPush({ redirect_uri: 'https://evil.example.com/cb' }), 400, 'invalid_request');
      await expectJsonError(await webPush({ response_type: 'token' }), 400, 'unsupported_response_type');
      await expectJsonError(await webPush({ scope: 'openid admin' }), 400, 'invalid_scope');
      await expectJsonError(await webPush({ prompt: 'none login' }), 400, 'invalid_request');
      await expectJsonError(await webPush({ code_challenge_method: 'plain' }), 400, 'invalid_request');
      // A public client's request without PKCE.
      await expectJsonError(await push({ client_id: spaId, response_type: 'code', redirect_uri: SPA_REDIRECT, scope: 'openid' }), 400, 'invalid_request');
      expect(await h.runtime.db.pushedAuthorizationRequest.count()).toBe(before);
    });

    it('refuses a dpop_jkt naming another key than the DPoP proof’s (RFC 9449 §10.1)', async () => {
      const key = await dpopKey();
      const other = await dpopKey();
      const url = `${h.config.issuer}/oauth/par`;
      // The first proof has no nonce: the answer gives one (§8).
      const noNonce = await call(h, 'par', {
        body: { response_type: 'code', redirect_uri: REDIRECT, scope: 'openid', code_challenge: CHALLENGE, code_challenge_method: 'S256' },
        headers: { authorization: basic(web.id, web.secret), dpop: await dpopProof(key, { htm: 'POST', htu: url }) },
      });
      const nonce = noNonce.headers.get('dpop-nonce')!;
      await expectJsonError(noNonce, 400, 'use_dpop_nonce');
      const mismatch = await call(h, 'par', {
        body: { response_type: 'code', redirect_uri: REDIRECT, scope: 'openid', code_challenge: CHALLENGE, code_challenge_method: 'S256', dpop_jkt: other.jkt },
        headers: { authorization: basic(web.id, web.secret), dpop: await dpopProof(key, { htm: 'POST', htu: url, nonce }) },
      });
      expect(mismatch.headers.get('dpop-nonce')).toBeTruthy();
      await expectJsonError(mismatch, 400, 'invalid_dpop_proof');
      const misdirected = await call(h, 'par', {
        body: { response_type: 'code', redirect_uri: REDIRECT, scope: 'openid', code_challenge: CHALLENGE, code_challenge_method: 'S256' },
        headers: { authorization: basic(web.id, web.secret), dpop: await dpopProof(key, { htm: 'POST', htu: `${h.config.issuer}/oauth/token`, nonce }) },
      });
      await expectJsonError(misdirected, 400, 'invalid_dpop_proof');
    });
  });

  describe('at the authorization endpoint', () => {
    it('refuses an expired request_uri', async () => {
      const requestUri = await pushedUri();
      clockOffsetMs = 61_000;
      try {
        await expectErrorPage(await authorize(new URLSearchParams({ client_id: web.id, request_uri: requestUri })), 'invalid_request_uri', /expired/);
      } finally {
        clockOffsetMs = 0;
      }
    });

    it('refuses another client’s request_uri, which its own client can still use', async () => {
      const requestUri = await pushedUri();
      await expectErrorPage(await authorize(new URLSearchParams({ client_id: spaId, request_uri: requestUri })), 'invalid_request_uri', /not pushed by this client/);
      await expectErrorPage(await authorize(new URLSearchParams({ request_uri: requestUri })), 'invalid_request', /client_id/);
      const back = callback(await authorize(new URLSearchParams({ client_id: web.id, request_uri: requestUri })));
      expect(back.searchParams.get('code')).toBeTruthy();
    });

    it('serves a request_uri once when two browsers race with it', async () => {
      const requestUri = await pushedUri();
      const query = new URLSearchParams({ client_id: web.id, request_uri: requestUri });
      const answers = await Promise.all([authorize(query), authorize(query), authorize(query)]);
      expect(answers.map((res) => res.status).sort()).toEqual([303, 400, 400]);
    });

    it('refuses unknown request_uri values, and any that is not Portico’s own', async () => {
      await expectErrorPage(await authorize(new URLSearchParams({ client_id: web.id, request_uri: 'urn:ietf:params:oauth:request_uri:unknown' })), 'invalid_request_uri');
      await expectErrorPage(await authorize(new URLSearchParams({ client_id: web.id, request_uri: 'https://rp.example.com/request.jwt' })), 'request_uri_not_supported');
    });

    it('takes only the pushed parameters: everything else in the query is ignored (§4)', async () => {
      const requestUri = await pushedUri({ scope: 'openid', state: 'pushed-state' });
      const back = callback(
        await authorize(new URLSearchParams({
          client_id: web.id, request_uri: requestUri, scope: 'openid email offline_access', state: 'query-state',
          response_type: 'token', redirect_uri: 'https://evil.example.com/cb', prompt: 'none login',
        })),
      );
      expect(back.origin + back.pathname).toBe(REDIRECT);
      expect(back.searchParams.get('state')).toBe('pushed-state');
      const tokens = await call(h, 'token', {
        body: { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: VERIFIER },
        headers: { authorization: basic(web.id, web.secret) },
      });
      expect(((await tokens.json()) as { scope: string }).scope).toBe('openid');
    });

    it('refuses a plain request from a client registered with require_pushed_authorization_requests (§6), and serves its pushed one', async () => {
      const plain = new URLSearchParams({
        response_type: 'code', client_id: parOnly.id, redirect_uri: REDIRECT, scope: 'openid', state: 'plain', code_challenge: CHALLENGE, code_challenge_method: 'S256',
      });
      const refused = callback(await authorize(plain));
      expect(refused.origin + refused.pathname).toBe(REDIRECT);
      expect(Object.fromEntries(refused.searchParams)).toMatchObject({ error: 'invalid_request', state: 'plain', iss: h.config.issuer });
      expect(refused.searchParams.get('error_description')).toMatch(/pushed authorization requests/);

      const pushed = await push(Object.fromEntries([...plain].filter(([name]) => name !== 'client_id')), { authorization: basic(parOnly.id, parOnly.secret) });
      expect(pushed.status).toBe(201);
      const { request_uri: requestUri } = (await pushed.json()) as { request_uri: string };
      const back = callback(await authorize(new URLSearchParams({ client_id: parOnly.id, request_uri: requestUri })));
      expect(back.searchParams.get('code')).toBeTruthy();
    });
  });
});
