/**
 * DPoP (RFC 9449) against the in-process core on SQLite and PostgreSQL.
 * - openid-client 6 with a DPoP handle: the code flow, refresh, userinfo and a protected-resource
 *   call, for a confidential and a public client; it meets the server's nonce requirement on its own
 *   (one use_dpop_nonce answer, then the nonce from every response).
 * - Raw HTTP for what a good client never sends: missing, malformed, replayed, stale or misdirected
 *   proofs, a stale nonce, a bound token used as a bearer token or with a proof for another token or
 *   key, a public client's bound refresh token with another key, a code bound with dpop_jkt, and a
 *   client registered with dpop_bound_access_tokens that sends no proof.
 */
import { decodeJwt } from 'jose';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { sha256 } from '@/lib/oidc/tokens.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { basic, call, CHALLENGE, sessionCookie, startCore, VERIFIER, type Harness } from '../support/core-harness.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { dpopKey, dpopProof, type DpopKey, type ProofClaims } from '../support/dpop.ts';
import { discoverInProcess, inProcessFetch } from '../support/in-process-fetch.ts';

const REDIRECT = 'https://rp.example.com/cb';
const SPA_REDIRECT = 'https://spa.example.com/cb';
const ALGS = 'ES256 ES384 ES512 RS256 PS256 EdDSA Ed25519';

describe.each(DATABASES)('DPoP on %s', (kind) => {
  let database: TestDatabase;
  let h: Harness;
  let user: { id: string; email: string };
  let cookie: string;
  const web = { id: '', secret: '' };
  const service = { id: '', secret: '' };
  let spaId: string;
  let tokenUrl: string;
  let userinfoUrl: string;
  /** The server's clock follows real time (openid-client signs proofs with it), shifted by this. */
  let clockOffsetMs = 0;
  /** The latest DPoP-Nonce the server sent. */
  let serverNonce = '';

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await startCore({ DATABASE_URL: database.url });
    Object.defineProperty(h.clock, 'now', { get: () => new Date(Date.now() + clockOffsetMs), configurable: true });
    user = await createUser(h.runtime.db, { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' });
    const webApp = await createClient(h.runtime.db, { name: 'Web', type: 'web', redirectUris: [REDIRECT] });
    Object.assign(web, { id: webApp.client.id, secret: webApp.clientSecret });
    spaId = (await createClient(h.runtime.db, { name: 'SPA', type: 'spa', redirectUris: [SPA_REDIRECT] })).client.id;
    const serviceApp = await createClient(h.runtime.db, { name: 'Service', type: 'service' });
    Object.assign(service, { id: serviceApp.client.id, secret: serviceApp.clientSecret });
    for (const id of [web.id, spaId]) await h.runtime.stores.consents.grant(user.id, id, ['openid', 'email', 'offline_access']);
    cookie = await sessionCookie(h, user.id);
    tokenUrl = `${h.config.issuer}/oauth/token`;
    userinfoUrl = `${h.config.issuer}/oauth/userinfo`;
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  const nowS = () => Math.floor(h.clock.now.getTime() / 1000);
  const stored = (token: string) => h.runtime.db.token.findUniqueOrThrow({ where: { hash: sha256(token.split('.').length === 3 ? String(decodeJwt(token).jti) : token) } });
  const proof = (key: DpopKey, claims: Partial<ProofClaims> = {}) => dpopProof(key, { htm: 'POST', htu: tokenUrl, iat: nowS(), nonce: serverNonce, ...claims });

  /** A call to an endpoint that keeps the server's latest nonce, as a client does. */
  async function send(endpoint: 'token' | 'userinfo' | 'introspect', init: Parameters<typeof call>[2]) {
    const res = await call(h, endpoint, init);
    serverNonce = res.headers.get('dpop-nonce') ?? serverNonce;
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
  }

  const clientCredentials = (headers: Record<string, string>, client = service) =>
    send('token', { body: { grant_type: 'client_credentials' }, headers: { authorization: basic(client.id, client.secret), ...headers } });

  async function webCode(): Promise<string> {
    const query = new URLSearchParams({
      response_type: 'code', client_id: web.id, redirect_uri: REDIRECT, scope: 'openid email offline_access', state: 's',
      code_challenge: CHALLENGE, code_challenge_method: 'S256',
    });
    const res = await call(h, 'authorize', { path: `/oauth/authorize?${query}`, headers: { cookie } });
    expect(res.status).toBe(303);
    return new URL(res.headers.get('location')!).searchParams.get('code')!;
  }

  const redeem = (code: string, headers: Record<string, string>) =>
    send('token', { body: { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER }, headers: { authorization: basic(web.id, web.secret), ...headers } });

  /** A user's access token bound to `key`, by the raw code flow. */
  async function boundUserToken(key: DpopKey): Promise<string> {
    const res = await redeem(await webCode(), { dpop: await proof(key) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return String(res.body.access_token);
  }

  /** openid-client, with a record of the requests the server answered use_dpop_nonce. */
  async function relyingParty(clientId: string, auth: oidc.ClientAuth) {
    const config = await discoverInProcess(h, clientId, auth);
    const nonceAnswers: string[] = [];
    const inner = inProcessFetch(h);
    config[oidc.customFetch] = async (url, options) => {
      const res = await inner(url, options);
      if (res.status >= 400 && (await res.clone().text()).includes('use_dpop_nonce')) nonceAnswers.push(new URL(url).pathname);
      return res;
    };
    return { config, nonceAnswers };
  }

  async function signIn(config: oidc.Configuration, redirectUri: string, extra: Record<string, string> = {}) {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri, scope: 'openid email offline_access', state,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', ...extra,
    });
    const res = await call(h, 'authorize', { path: url.pathname + url.search, headers: { cookie } });
    expect(res.status).toBe(303);
    return { callback: new URL(res.headers.get('location')!), checks: { pkceCodeVerifier: verifier, expectedState: state } };
  }

  describe('with openid-client', () => {
    it('binds a confidential client’s access tokens, not its refresh token; userinfo, a resource call, refresh and introspection follow', async () => {
      const { config, nonceAnswers } = await relyingParty(web.id, oidc.ClientSecretBasic(web.secret));
      const dpop = oidc.getDPoPHandle(config, await oidc.randomDPoPKeyPair('ES256'));
      const jkt = await dpop.calculateThumbprint();
      const { callback, checks } = await signIn(config, REDIRECT);
      const tokens = await oidc.authorizationCodeGrant(config, callback, checks, undefined, { DPoP: dpop });
      expect(tokens.token_type).toBe('dpop');
      // §8.1: the first proof had no nonce; openid-client retried with the one it was given.
      expect(nonceAnswers).toEqual(['/oauth/token']);
      expect((await stored(tokens.access_token)).cnfJkt).toBe(jkt);
      expect((await stored(tokens.refresh_token!)).cnfJkt).toBeNull(); // §5: a confidential client's refresh token is not bound

      expect(await oidc.fetchUserInfo(config, tokens.access_token, user.id, { DPoP: dpop })).toMatchObject({ sub: user.id, email: user.email });
      const resource = await oidc.fetchProtectedResource(config, tokens.access_token, new URL(userinfoUrl), 'GET', undefined, undefined, { DPoP: dpop });
      expect(resource.status).toBe(200);
      expect(resource.headers.get('dpop-nonce')).toBeTruthy();

      const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!, undefined, { DPoP: dpop });
      expect(refreshed.token_type).toBe('dpop');
      expect((await stored(refreshed.access_token)).cnfJkt).toBe(jkt);
      expect(nonceAnswers).toEqual(['/oauth/token']); // one nonce served every later request
      // RFC 9449 §6.2
      expect(await oidc.tokenIntrospection(config, refreshed.access_token)).toMatchObject({ active: true, token_type: 'DPoP', cnf: { jkt } });
    });

    it('binds a public client’s refresh token to the key, and refreshes it only with that key', async () => {
      const { config } = await relyingParty(spaId, oidc.None());
      const dpop = oidc.getDPoPHandle(config, await oidc.randomDPoPKeyPair('EdDSA'));
      const jkt = await dpop.calculateThumbprint();
      const { callback, checks } = await signIn(config, SPA_REDIRECT);
      const tokens = await oidc.authorizationCodeGrant(config, callback, checks, undefined, { DPoP: dpop });
      expect((await stored(tokens.refresh_token!)).cnfJkt).toBe(jkt); // §5

      const thief = oidc.getDPoPHandle(config, await oidc.randomDPoPKeyPair('ES256'));
      await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!, undefined, { DPoP: thief })).rejects.toMatchObject({ error: 'invalid_grant' });
      await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_dpop_proof' });
      // Refused attempts do not spend the token: its owner still refreshes, and the new one is bound too.
      const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!, undefined, { DPoP: dpop });
      expect((await stored(refreshed.refresh_token!)).cnfJkt).toBe(jkt);
      expect(await oidc.fetchUserInfo(config, refreshed.access_token, user.id, { DPoP: dpop })).toMatchObject({ sub: user.id });
    });

    it('binds the code to the key named by dpop_jkt in the authorization request (§10)', async () => {
      const { config } = await relyingParty(web.id, oidc.ClientSecretBasic(web.secret));
      const dpop = oidc.getDPoPHandle(config, await oidc.randomDPoPKeyPair('ES256'));
      const jkt = await dpop.calculateThumbprint();
      const stolen = await signIn(config, REDIRECT, { dpop_jkt: jkt });
      const code = stolen.callback.searchParams.get('code')!;
      expect((await h.runtime.db.authorizationCode.findUniqueOrThrow({ where: { hash: sha256(code) } })).dpopJkt).toBe(jkt);
      const thief = oidc.getDPoPHandle(config, await oidc.randomDPoPKeyPair('ES256'));
      await expect(oidc.authorizationCodeGrant(config, stolen.callback, stolen.checks, undefined, { DPoP: thief })).rejects.toMatchObject({ error: 'invalid_grant' });

      const { callback, checks } = await signIn(config, REDIRECT, { dpop_jkt: jkt });
      const tokens = await oidc.authorizationCodeGrant(config, callback, checks, undefined, { DPoP: dpop });
      expect(tokens.token_type).toBe('dpop');

      const malformed = await call(h, 'authorize', { path: `/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: web.id, redirect_uri: REDIRECT, scope: 'openid', code_challenge: CHALLENGE, code_challenge_method: 'S256', dpop_jkt: 'abc' })}`, headers: { cookie } });
      const refused = new URL(malformed.headers.get('location')!);
      expect(refused.searchParams.get('error')).toBe('invalid_request');
      expect(refused.searchParams.get('error_description')).toMatch(/dpop_jkt/);
    });

    it('puts cnf.jkt in JWT access tokens (§6.1) for client_credentials', async () => {
      await h.runtime.db.client.update({ where: { id: service.id }, data: { accessTokenFormat: 'jwt' } });
      try {
        const { config } = await relyingParty(service.id, oidc.ClientSecretBasic(service.secret));
        const dpop = oidc.getDPoPHandle(config, await oidc.randomDPoPKeyPair('PS256'));
        const tokens = await oidc.clientCredentialsGrant(config, undefined, { DPoP: dpop });
        expect(tokens.token_type).toBe('dpop');
        expect(decodeJwt(tokens.access_token).cnf).toEqual({ jkt: await dpop.calculateThumbprint() });
      } finally {
        await h.runtime.db.client.update({ where: { id: service.id }, data: { accessTokenFormat: 'opaque' } });
      }
    });
  });

  describe('at the token endpoint', () => {
    it('requires a server nonce (§8): use_dpop_nonce with DPoP-Nonce, then tokens with a fresh nonce', async () => {
      const key = await dpopKey();
      const first = await clientCredentials({ dpop: await proof(key, { nonce: undefined }) });
      expect(first.status).toBe(400);
      expect(first.body.error).toBe('use_dpop_nonce');
      const nonce = first.headers.get('dpop-nonce');
      expect(nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const second = await clientCredentials({ dpop: await proof(key, { nonce: nonce! }) });
      expect(second.status, JSON.stringify(second.body)).toBe(200);
      expect(second.body.token_type).toBe('DPoP');
      expect(second.headers.get('dpop-nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect((await stored(String(second.body.access_token))).cnfJkt).toBe(key.jkt);
    });

    it('refuses a nonce two steps old with a fresh one', async () => {
      const key = await dpopKey();
      const old = (await clientCredentials({ dpop: await proof(key, { nonce: undefined }) })).headers.get('dpop-nonce')!;
      clockOffsetMs = 600_000;
      try {
        const res = await clientCredentials({ dpop: await proof(key, { nonce: old }) });
        expect(res.status).toBe(400);
        expect(res.body.error).toBe('use_dpop_nonce');
        expect(res.headers.get('dpop-nonce')).not.toBe(old);
      } finally {
        clockOffsetMs = 0;
      }
    });

    it('refuses malformed, misdirected, stale and replayed proofs with invalid_dpop_proof', async () => {
      const key = await dpopKey();
      await clientCredentials({ dpop: await proof(key, { nonce: undefined }) }); // learn the nonce
      const cases: [string, string | Promise<string>, RegExp][] = [
        ['not a JWT', 'abc', /compact JWT/],
        ['two DPoP headers', Promise.all([proof(key), proof(key)]).then((both) => both.join(', ')), /exactly one/],
        ['htm GET', proof(key, { htm: 'GET' }), /htm/],
        ['htu of userinfo', proof(key, { htu: userinfoUrl }), /htu/],
        ['htu on another host', proof(key, { htu: 'https://evil.example.com/oauth/token' }), /htu/],
        ['iat 305 s ago', proof(key, { iat: nowS() - 305 }), /too old/],
        ['iat 65 s ahead', proof(key, { iat: nowS() + 65 }), /future/],
        ['typ JWT', proof(key, { header: { typ: 'JWT' } }), /dpop\+jwt/],
      ];
      for (const [name, dpop, description] of cases) {
        const res = await clientCredentials({ dpop: await dpop });
        expect(res.status, name).toBe(400);
        expect(res.body, name).toMatchObject({ error: 'invalid_dpop_proof', error_description: expect.stringMatching(description) });
      }
      const once = await proof(key);
      expect((await clientCredentials({ dpop: once })).status).toBe(200);
      const replay = await clientCredentials({ dpop: once });
      expect(replay.status).toBe(400);
      expect(replay.body).toMatchObject({ error: 'invalid_dpop_proof', error_description: expect.stringMatching(/already used/) });
      // The same jti under another key is another proof (the jti is scoped by the key).
      const jti = String(decodeJwt(once).jti);
      expect((await clientCredentials({ dpop: await proof(await dpopKey(), { jti }) })).status).toBe(200);
    });

    it('keeps bearer tokens as they were: no proof, token_type Bearer, no nonce, no replay bookkeeping', async () => {
      const before = await h.runtime.db.usedJti.count();
      const res = await clientCredentials({});
      expect(res.status).toBe(200);
      expect(res.body.token_type).toBe('Bearer');
      expect(res.headers.get('dpop-nonce')).toBeNull();
      expect((await stored(String(res.body.access_token))).cnfJkt).toBeNull();
      const bearer = await send('userinfo', { headers: { authorization: `Bearer ${await bearerUserToken()}` } });
      expect(bearer.status).toBe(200);
      expect(await h.runtime.db.usedJti.count()).toBe(before);
    });

    it('refuses a token request without a proof from a client registered with dpop_bound_access_tokens (§5.2)', async () => {
      await h.runtime.db.client.update({ where: { id: service.id }, data: { dpopBoundAccessTokens: true } });
      try {
        const res = await clientCredentials({});
        expect(res.status).toBe(400);
        expect(res.body.error).toBe('invalid_dpop_proof');
        const bound = await clientCredentials({ dpop: await proof(await dpopKey()) });
        expect(bound.status, JSON.stringify(bound.body)).toBe(200);
        expect(bound.body.token_type).toBe('DPoP');
      } finally {
        await h.runtime.db.client.update({ where: { id: service.id }, data: { dpopBoundAccessTokens: false } });
      }
    });

    it('redeems a code bound with dpop_jkt (§10) only with a proof by that key', async () => {
      const key = await dpopKey();
      const bind = async (code: string) => {
        await h.runtime.db.authorizationCode.update({ where: { hash: sha256(code) }, data: { dpopJkt: key.jkt } });
        return code;
      };
      const other = await redeem(await bind(await webCode()), { dpop: await proof(await dpopKey()) });
      expect(other.status).toBe(400);
      expect(other.body.error).toBe('invalid_grant');
      const none = await redeem(await bind(await webCode()), {});
      expect(none.status).toBe(400);
      expect(none.body.error).toBe('invalid_dpop_proof');
      const good = await redeem(await bind(await webCode()), { dpop: await proof(key) });
      expect(good.status, JSON.stringify(good.body)).toBe(200);
      expect(good.body.token_type).toBe('DPoP');
    });

    it('refreshes a public client’s bound refresh token only with a proof by the same key (§5)', async () => {
      const key = await dpopKey();
      const query = new URLSearchParams({
        response_type: 'code', client_id: spaId, redirect_uri: SPA_REDIRECT, scope: 'openid offline_access', code_challenge: CHALLENGE, code_challenge_method: 'S256',
      });
      const authorized = await call(h, 'authorize', { path: `/oauth/authorize?${query}`, headers: { cookie } });
      const code = new URL(authorized.headers.get('location')!).searchParams.get('code')!;
      const tokens = await send('token', {
        body: { grant_type: 'authorization_code', client_id: spaId, code, redirect_uri: SPA_REDIRECT, code_verifier: VERIFIER },
        headers: { dpop: await proof(key) },
      });
      expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);
      const refresh = (dpop: string) => send('token', { body: { grant_type: 'refresh_token', client_id: spaId, refresh_token: String(tokens.body.refresh_token) }, headers: { dpop } });
      const stolen = await refresh(await proof(await dpopKey()));
      expect(stolen.status).toBe(400);
      expect(stolen.body).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/another DPoP key/) });
      expect(stolen.headers.get('dpop-nonce')).toBeTruthy(); // every answer to a proof carries a nonce
      const owner = await refresh(await proof(key));
      expect(owner.status, JSON.stringify(owner.body)).toBe(200);
      expect(owner.body.token_type).toBe('DPoP');
    });
  });

  /** A plain bearer token for the user, by the raw code flow. */
  async function bearerUserToken(): Promise<string> {
    const res = await redeem(await webCode(), {});
    expect(res.status).toBe(200);
    return String(res.body.access_token);
  }

  describe('at userinfo (§7)', () => {
    const userinfo = (authorization: string | null, dpop?: string, method = 'GET', body?: Record<string, string>) =>
      send('userinfo', { method, body, headers: { ...(authorization ? { authorization } : {}), ...(dpop ? { dpop } : {}) } });
    const resourceProof = (key: DpopKey, accessToken: string, claims: Partial<ProofClaims> = {}) => proof(key, { htm: 'GET', htu: userinfoUrl, accessToken, ...claims });

    it('answers a bound token with its proof; asks for a nonce first (§9)', async () => {
      const key = await dpopKey();
      const token = await boundUserToken(key);
      const noNonce = await userinfo(`DPoP ${token}`, await resourceProof(key, token, { nonce: undefined }));
      expect(noNonce.status).toBe(401);
      expect(noNonce.headers.get('www-authenticate')).toMatch(/^DPoP algs="[^"]+", error="use_dpop_nonce"/);
      const nonce = noNonce.headers.get('dpop-nonce')!;
      const ok = await userinfo(`DPoP ${token}`, await resourceProof(key, token, { nonce }));
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(ok.body).toMatchObject({ sub: user.id, email: user.email });
      expect(ok.headers.get('dpop-nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('refuses a bound token as a bearer token, without a proof, with a proof for another token, key or URL', async () => {
      const key = await dpopKey();
      const token = await boundUserToken(key);
      const invalidToken = /^DPoP algs="[^"]+", error="invalid_token"/;
      const invalidProof = /^DPoP algs="[^"]+", error="invalid_dpop_proof"/;
      const cases: [string, () => Promise<Awaited<ReturnType<typeof userinfo>>>, RegExp][] = [
        ['as Bearer', async () => userinfo(`Bearer ${token}`), invalidToken],
        ['as Bearer with a proof', async () => userinfo(`Bearer ${token}`, await resourceProof(key, token)), invalidToken],
        ['in the form body', async () => userinfo(null, undefined, 'POST', { access_token: token }), invalidToken],
        ['without a proof', async () => userinfo(`DPoP ${token}`), invalidProof],
        ['ath of another token', async () => userinfo(`DPoP ${token}`, await resourceProof(key, 'at_other')), invalidProof],
        ['another key', async () => { const thief = await dpopKey(); return userinfo(`DPoP ${token}`, await resourceProof(thief, token)); }, invalidProof],
        ['htu of the token endpoint', async () => userinfo(`DPoP ${token}`, await resourceProof(key, token, { htu: tokenUrl })), invalidProof],
        ['htm POST', async () => userinfo(`DPoP ${token}`, await resourceProof(key, token, { htm: 'POST' })), invalidProof],
      ];
      for (const [name, attempt, challenge] of cases) {
        const res = await attempt();
        expect(res.status, name).toBe(401);
        expect(res.headers.get('www-authenticate'), name).toMatch(challenge);
      }
      const once = await resourceProof(key, token);
      expect((await userinfo(`DPoP ${token}`, once)).status).toBe(200);
      const replay = await userinfo(`DPoP ${token}`, once);
      expect(replay.status).toBe(401);
      expect(replay.body.error_description).toMatch(/already used/);
    });

    it('keeps bearer tokens working, refuses one under the DPoP scheme, and offers both schemes to a request without a token', async () => {
      const token = await bearerUserToken();
      expect((await userinfo(`Bearer ${token}`)).status).toBe(200);
      const key = await dpopKey();
      const asDpop = await userinfo(`DPoP ${token}`, await resourceProof(key, token));
      expect(asDpop.status).toBe(401);
      expect(asDpop.headers.get('www-authenticate')).toMatch(/^DPoP .*error="invalid_token"/);
      const none = await userinfo(null);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe(`Bearer realm="portico", DPoP algs="${ALGS}"`);
    });
  });

  it('introspection describes a bound token with token_type DPoP and cnf.jkt (§6.2), a bearer token as before', async () => {
    const key = await dpopKey();
    const bound = await boundUserToken(key);
    const auth = { authorization: basic(web.id, web.secret) };
    const boundInfo = await send('introspect', { body: { token: bound }, headers: auth });
    expect(boundInfo.body).toMatchObject({ active: true, token_type: 'DPoP', cnf: { jkt: key.jkt } });
    const bearerInfo = await send('introspect', { body: { token: await bearerUserToken() }, headers: auth });
    expect(bearerInfo.body).toMatchObject({ active: true, token_type: 'Bearer' });
    expect(bearerInfo.body.cnf).toBeUndefined();
  });
});
