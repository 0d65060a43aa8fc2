/**
 * Implicit and hybrid response types and the response modes, over raw HTTP against the in-process
 * core on SQLite and PostgreSQL (the happy paths with openid-client are in
 * response-types-openid-client.test.ts):
 * - OIDC Core §3.2.2.10 / §3.3.2.11: the ID token from the authorization endpoint carries the
 *   nonce (required), at_hash with an access token and c_hash with a code; no refresh token is
 *   ever issued there (RFC 6749 §4.2.2).
 * - Only the client's registered response types (unauthorized_client) and known ones
 *   (unsupported_response_type); tokens never in the query (Multiple Response Types §5).
 * - Errors go where the response mode says — query, fragment or form_post — with state and iss
 *   (RFC 9207), and the RFC 9700 §4.11.2 page for an untrusted redirect delivers the same response.
 * - The form_post page (Form Post Response Mode §2): strict CSP with a per-response nonce, escaping.
 * - Sign-in, consent (Allow and Deny), prompt=none and max_age work as for the code flow.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { activityCounterOf } from '@/lib/db/activity-counter.ts';
import { DENIAL_MARK } from '@/lib/oidc/authorization/consent-denial.ts';
import { fragmentParams, readFormPost } from '../support/authorization-response.ts';
import { basic, call, CHALLENGE, sessionCookie, startCore, VERIFIER, type Harness } from '../support/core-harness.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';

const REDIRECT = 'https://rp.example.com/cb';
const HOSTILE_STATE = '"><script>alert(1)</script>';
const ALL_TYPES = ['code', 'id_token', 'id_token token', 'code id_token', 'code token', 'code id_token token'];

/** OIDC Core §3.3.2.11: left half of the hash of the ASCII value (SHA-512 for Ed25519), base64url. */
function leftHalfHash(value: string, hash: 'sha256' | 'sha512' = 'sha256'): string {
  const digest = createHash(hash).update(value, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

const payloadOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

/** CSP directives by name. */
function cspOf(res: Response): Map<string, string[]> {
  const header = res.headers.get('content-security-policy') ?? '';
  return new Map(header.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

describe.each(DATABASES)('implicit and hybrid response types and response modes on %s', (kind) => {
  let database: TestDatabase;
  let h: Harness;
  let user: { id: string; email: string };
  let rp: { id: string; secret: string };
  let cookie: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await startCore({ DATABASE_URL: database.url });
    user = await createUser(h.runtime.db, { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' });
    rp = await registerApp();
    cookie = await sessionCookie(h, user.id);
  });
  afterAll(async () => {
    if (h) await activityCounterOf(h.runtime.db).drain(); // the app-activity counts still waiting to be written
    await h?.close();
    await database?.drop();
  });

  /**
   * A web app (unverified), registered for every response type (and so the implicit grant) unless
   * told, with the user's consent unless told.
   */
  async function registerApp(options: { responseTypes?: string[]; grantTypes?: string[]; consent?: boolean; idTokenAlg?: 'RS256' | 'ES256' | 'EdDSA' } = {}) {
    const created = await createClient(h.runtime.db, { name: 'Relying Party', type: 'web', redirectUris: [REDIRECT], ...(options.idTokenAlg ? { idTokenAlg: options.idTokenAlg } : {}) });
    const app = { id: created.client.id, secret: created.clientSecret! };
    await h.runtime.db.client.update({
      where: { id: app.id },
      data: {
        responseTypes: JSON.stringify(options.responseTypes ?? ALL_TYPES),
        grantTypes: JSON.stringify(options.grantTypes ?? ['authorization_code', 'implicit', 'refresh_token']),
      },
    });
    if (options.consent !== false) await h.runtime.stores.consents.grant(user.id, app.id, ['openid', 'profile', 'email', 'offline_access']);
    return app;
  }

  function authorize(params: Record<string, string>, options: { clientId?: string; cookie?: string | null; method?: 'GET' | 'POST' } = {}) {
    const all = {
      client_id: options.clientId ?? rp.id, redirect_uri: REDIRECT, scope: 'openid email', state: 'st', nonce: 'n-0S6_WzA2Mj',
      code_challenge: CHALLENGE, code_challenge_method: 'S256', ...params,
    };
    const headers: Record<string, string> = options.cookie === null ? {} : { cookie: options.cookie ?? cookie };
    if (options.method === 'POST') return call(h, 'authorize', { path: '/oauth/authorize', body: all, headers });
    return call(h, 'authorize', { path: `/oauth/authorize?${new URLSearchParams(all)}`, headers });
  }

  async function location(res: Response): Promise<URL> {
    expect(res.status).toBe(303);
    return new URL(res.headers.get('location')!, h.config.issuer);
  }

  /** The fragment of a redirect to the app; nothing in its query. */
  async function fragmentOf(res: Response): Promise<URLSearchParams> {
    const to = await location(res);
    expect(to.origin + to.pathname).toBe(REDIRECT);
    expect(to.search).toBe('');
    return fragmentParams(to.href);
  }

  const exchange = (app: { id: string; secret: string }, code: string) =>
    call(h, 'token', { body: { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER }, headers: { authorization: basic(app.id, app.secret) } });

  const introspect = async (token: string) =>
    (await (await call(h, 'introspect', { body: { token }, headers: { authorization: basic(rp.id, rp.secret) } })).json()) as { active: boolean };

  describe('tokens from the authorization endpoint', () => {
    it('"code id_token token" (in any order): code, access token and ID token in the fragment, at_hash and c_hash, no refresh token', async () => {
      const params = await fragmentOf(await authorize({ response_type: 'token id_token code', scope: 'openid email offline_access' }));
      expect([...params.keys()].sort()).toEqual(['access_token', 'code', 'expires_in', 'id_token', 'iss', 'scope', 'state', 'token_type']);
      expect(Object.fromEntries(params)).toMatchObject({ token_type: 'Bearer', scope: 'openid email offline_access', state: 'st', iss: h.config.issuer });
      expect(Number(params.get('expires_in'))).toBeGreaterThan(0);
      const code = params.get('code')!;
      const accessToken = params.get('access_token')!;
      const claims = payloadOf(params.get('id_token')!);
      expect(claims).toMatchObject({
        iss: h.config.issuer, aud: rp.id, azp: rp.id, sub: user.id, nonce: 'n-0S6_WzA2Mj',
        at_hash: leftHalfHash(accessToken), c_hash: leftHalfHash(code), acr: expect.any(String), amr: ['pwd'], sid: expect.any(String),
      });
      expect(claims.auth_time).toBeTypeOf('number');
      expect(claims.s_hash).toBeUndefined();
      expect(await introspect(accessToken)).toMatchObject({ active: true, scope: 'openid email offline_access', sub: user.id });

      // The code is redeemed as in the code flow (a refresh token from the token endpoint only).
      const tokens = (await (await exchange(rp, code)).json()) as { refresh_token?: string; id_token: string };
      expect(tokens.refresh_token).toBeTruthy();
      expect(payloadOf(tokens.id_token)).toMatchObject({ nonce: 'n-0S6_WzA2Mj', sub: user.id });
      // A replayed code revokes the whole grant, the access token from the authorization endpoint too (RFC 6749 §10.5).
      expect((await exchange(rp, code)).status).toBe(400);
      expect((await introspect(accessToken)).active).toBe(false);
    });

    it('"code token": a code and an access token, no ID token; a nonce is not needed without one', async () => {
      const params = await fragmentOf(await authorize({ response_type: 'code token', nonce: '' })); // an empty parameter is an omitted one
      expect(params.has('code')).toBe(true);
      expect(params.has('access_token')).toBe(true);
      expect(params.has('id_token')).toBe(false);
      expect(params.has('refresh_token')).toBe(false);
    });

    it('id_token alone: user claims in the ID token (OIDC Core §5.4), no at_hash or c_hash', async () => {
      const params = await fragmentOf(await authorize({ response_type: 'id_token', scope: 'openid email profile' }));
      expect([...params.keys()].sort()).toEqual(['id_token', 'iss', 'state']);
      const claims = payloadOf(params.get('id_token')!);
      expect(claims).toMatchObject({ sub: user.id, email: user.email, name: 'Ada', nonce: 'n-0S6_WzA2Mj' });
      expect(claims.at_hash).toBeUndefined();
      expect(claims.c_hash).toBeUndefined();
    });

    it('hashes with SHA-512 for an EdDSA (Ed25519) ID token', async () => {
      const ed = await registerApp({ idTokenAlg: 'EdDSA' });
      const params = await fragmentOf(await authorize({ response_type: 'code id_token' }, { clientId: ed.id }));
      expect(payloadOf(params.get('id_token')!).c_hash).toBe(leftHalfHash(params.get('code')!, 'sha512'));
    });

    it('binds the code to the DPoP key named by dpop_jkt (RFC 9449 §10), and refuses a malformed one', async () => {
      const jkt = leftHalfHash('a key', 'sha512').slice(0, 43);
      const params = await fragmentOf(await authorize({ response_type: 'code id_token', dpop_jkt: jkt }));
      const row = await h.runtime.db.authorizationCode.findUnique({ where: { hash: createHash('sha256').update(params.get('code')!).digest('base64url') } });
      expect(row?.dpopJkt).toBe(jkt);
      expect((await fragmentOf(await authorize({ response_type: 'code id_token', dpop_jkt: 'short' }))).get('error')).toBe('invalid_request');
    });

    it('answers a POSTed authorization request the same way', async () => {
      const params = await fragmentOf(await authorize({ response_type: 'id_token token' }, { method: 'POST' }));
      expect(payloadOf(params.get('id_token')!).at_hash).toBe(leftHalfHash(params.get('access_token')!));
    });
  });

  describe('refused requests', () => {
    it.each(['id_token', 'id_token token', 'code id_token', 'code id_token token'])('%s without a nonce: invalid_request in the fragment, nothing issued', async (responseType) => {
      const params = await fragmentOf(await authorize({ response_type: responseType, nonce: '' }));
      expect(Object.fromEntries(params)).toMatchObject({ error: 'invalid_request', state: 'st', iss: h.config.issuer });
      expect(params.get('error_description')).toMatch(/nonce/);
      for (const issued of ['code', 'access_token', 'id_token']) expect(params.has(issued)).toBe(false);
    });

    it('a response type the client did not register: unauthorized_client, where its response would have gone', async () => {
      const codeOnly = await registerApp({ responseTypes: ['code'] });
      const params = await fragmentOf(await authorize({ response_type: 'id_token token' }, { clientId: codeOnly.id }));
      expect(Object.fromEntries(params)).toMatchObject({ error: 'unauthorized_client', state: 'st', iss: h.config.issuer });
      expect((await location(await authorize({ response_type: 'code' }, { clientId: codeOnly.id }))).searchParams.has('code')).toBe(true);
    });

    it('a token-returning response type without the implicit grant: unauthorized_client (as registration would refuse it)', async () => {
      const noImplicit = await registerApp({ responseTypes: ['code', 'code id_token'], grantTypes: ['authorization_code'] });
      const params = await fragmentOf(await authorize({ response_type: 'code id_token' }, { clientId: noImplicit.id }));
      expect(params.get('error')).toBe('unauthorized_client');
      expect(params.get('error_description')).toMatch(/implicit/);
    });

    it.each(['token', 'code code', 'code none', 'id_token id_token'])('response_type=%s is unsupported_response_type, in the query', async (responseType) => {
      const to = await location(await authorize({ response_type: responseType }));
      expect(to.hash).toBe('');
      expect(Object.fromEntries(to.searchParams)).toMatchObject({ error: 'unsupported_response_type', state: 'st', iss: h.config.issuer });
    });

    it('refuses response_mode=query with tokens: invalid_request in the fragment, no token in any URL', async () => {
      const res = await authorize({ response_type: 'id_token token', response_mode: 'query' });
      const to = await location(res);
      expect(to.search).toBe('');
      const params = fragmentParams(to.href);
      expect(params.get('error')).toBe('invalid_request');
      expect(params.get('error_description')).toMatch(/response_mode=query/);
      expect(params.has('access_token')).toBe(false);
    });

    it('refuses an unknown response_mode', async () => {
      const to = await location(await authorize({ response_type: 'code', response_mode: 'jwt' }));
      expect(to.searchParams.get('error')).toBe('invalid_request');
    });

    it('refuses an ID token without the openid scope', async () => {
      const params = await fragmentOf(await authorize({ response_type: 'id_token', scope: 'email' }));
      expect(params.get('error')).toBe('invalid_request');
      expect(params.get('error_description')).toMatch(/openid/);
    });

    it('refuses form_post to a redirect URI a form cannot post to (a native app scheme), in the default mode', async () => {
      const created = await createClient(h.runtime.db, { name: 'Native', type: 'native', redirectUris: ['com.example.app:/cb'] });
      const to = await location(await authorize({ response_type: 'code', response_mode: 'form_post', redirect_uri: 'com.example.app:/cb' }, { clientId: created.client.id }));
      expect(to.protocol).toBe('com.example.app:');
      expect(to.searchParams.get('error')).toBe('invalid_request');
    });
  });

  describe('errors where the response mode says', () => {
    it('fragment: consent_required for prompt=none, with state and iss', async () => {
      const fresh = await registerApp({ consent: false });
      const params = await fragmentOf(await authorize({ response_type: 'id_token', prompt: 'none' }, { clientId: fresh.id }));
      expect(Object.fromEntries(params)).toMatchObject({ error: 'consent_required', state: 'st', iss: h.config.issuer });
    });

    it('form_post: the error is POSTed to the redirect URI', async () => {
      const fresh = await registerApp({ consent: false });
      const res = await authorize({ response_type: 'code id_token', prompt: 'none', response_mode: 'form_post' }, { clientId: fresh.id });
      expect(res.status).toBe(200);
      const post = readFormPost(await res.text());
      expect(post.action).toBe(REDIRECT);
      expect(Object.fromEntries(post.fields)).toMatchObject({ error: 'consent_required', state: 'st', iss: h.config.issuer });
      expect(post.fields.get('error_description')).toBeTruthy();
    });

    it('untrusted redirect, fragment: a Portico page whose link carries the same fragment (RFC 9700 §4.11.2)', async () => {
      const res = await authorize({ response_type: 'id_token', prompt: 'none', state: HOSTILE_STATE }, { cookie: null });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      const html = await res.text();
      expect(html).not.toContain('<script');
      expect(html).toContain('Continue to rp.example.com');
      const href = /<a class="button" href="([^"]*)"/.exec(html)![1]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      const link = new URL(href);
      expect(link.origin + link.pathname).toBe(REDIRECT);
      expect(link.search).toBe('');
      expect(Object.fromEntries(fragmentParams(link.href))).toMatchObject({ error: 'login_required', state: HOSTILE_STATE, iss: h.config.issuer });
    });

    it('untrusted redirect, form_post: a Portico page whose Continue button posts the same response, with no script', async () => {
      const res = await authorize({ response_type: 'id_token', prompt: 'none', state: HOSTILE_STATE, response_mode: 'form_post' }, { cookie: null });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).not.toContain('<script');
      expect(html).toMatch(/<button type="submit">Continue to rp\.example\.com<\/button>/);
      const post = readFormPost(html);
      expect(post.action).toBe(REDIRECT);
      expect(Object.fromEntries(post.fields)).toMatchObject({ error: 'login_required', state: HOSTILE_STATE, iss: h.config.issuer });
      const csp = cspOf(res);
      expect(csp.get('form-action')).toEqual(['https://rp.example.com']);
      expect(csp.get('script-src')).toBeUndefined();
      expect(csp.get('default-src')).toEqual(["'none'"]);
    });
  });

  describe('the form_post page', () => {
    it('posts on its own under a strict CSP: one nonce-bearing script, form-action the app origin only, nothing unescaped', async () => {
      const res = await authorize({ response_type: 'code id_token', response_mode: 'form_post', state: HOSTILE_STATE });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const html = await res.text();
      const post = readFormPost(html);
      const csp = cspOf(res);
      expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('form-action')).toEqual(['https://rp.example.com']);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(post.scriptNonces).toHaveLength(1);
      expect(post.scriptNonces[0]!.length).toBeGreaterThanOrEqual(22);
      expect(csp.get('script-src')).toEqual([`'nonce-${post.scriptNonces[0]}'`]);
      expect(html).not.toContain(HOSTILE_STATE);
      expect(post.fields.get('state')).toBe(HOSTILE_STATE);
      expect([...post.fields.keys()].sort()).toEqual(['code', 'id_token', 'iss', 'state']);
      expect(html).toMatch(/<noscript>[\s\S]*<button type="submit">[\s\S]*<\/noscript>/);

      const again = await authorize({ response_type: 'code id_token', response_mode: 'form_post' });
      expect(readFormPost(await again.text()).scriptNonces[0]).not.toBe(post.scriptNonces[0]);
    });
  });

  describe('sign-in, consent, prompt=none and max_age', () => {
    it('parks a hybrid form_post request for sign-in and answers it on return', async () => {
      const login = await location(await authorize({ response_type: 'code id_token', response_mode: 'form_post' }, { cookie: null }));
      expect(login.pathname).toBe('/login');
      h.clock.advance(5);
      const resumed = await call(h, 'authorize', { path: `/oauth/authorize?interaction=${login.searchParams.get('interaction')}`, headers: { cookie: await sessionCookie(h, user.id) } });
      expect(resumed.status).toBe(200);
      const post = readFormPost(await resumed.text());
      expect(payloadOf(post.fields.get('id_token')!)).toMatchObject({ nonce: 'n-0S6_WzA2Mj', c_hash: leftHalfHash(post.fields.get('code')!) });
    });

    it('asks for consent, then answers "id_token token" in the fragment after Allow', async () => {
      const fresh = await registerApp({ consent: false });
      const consent = await location(await authorize({ response_type: 'id_token token' }, { clientId: fresh.id }));
      expect(consent.pathname).toBe('/consent');
      const next = await h.runtime.provider.interactions.decideConsent(consent.searchParams.get('interaction')!, user.id, 'allow');
      const params = await fragmentOf(await call(h, 'authorize', { path: next, headers: { cookie } }));
      expect(params.has('access_token')).toBe(true);
      expect(payloadOf(params.get('id_token')!).at_hash).toBe(leftHalfHash(params.get('access_token')!));
    });

    it('Deny: access_denied in the fragment', async () => {
      const fresh = await registerApp({ consent: false });
      const consent = await location(await authorize({ response_type: 'id_token' }, { clientId: fresh.id }));
      const to = await h.runtime.provider.interactions.decideConsent(consent.searchParams.get('interaction')!, user.id, 'deny');
      const url = new URL(to);
      expect(url.search).toBe('');
      expect(Object.fromEntries(fragmentParams(to))).toMatchObject({ error: 'access_denied', state: 'st', iss: h.config.issuer });
    });

    it('Deny with form_post: back through the authorization endpoint, which POSTs access_denied once', async () => {
      const fresh = await registerApp({ consent: false });
      const consent = await location(await authorize({ response_type: 'code id_token', response_mode: 'form_post' }, { clientId: fresh.id }));
      const next = await h.runtime.provider.interactions.decideConsent(consent.searchParams.get('interaction')!, user.id, 'deny');
      expect(next).toMatch(/^\/oauth\/authorize\?interaction=/);
      const res = await call(h, 'authorize', { path: next, headers: { cookie } });
      expect(res.status).toBe(200);
      const post = readFormPost(await res.text());
      expect(Object.fromEntries(post.fields)).toMatchObject({ error: 'access_denied', state: 'st', iss: h.config.issuer });
      expect(post.fields.has('code')).toBe(false);
      expect((await call(h, 'authorize', { path: next, headers: { cookie } })).status).toBe(400); // used up
    });

    it('a request cannot deny itself by carrying the denial mark', async () => {
      const login = await location(await authorize({ response_type: 'id_token', response_mode: 'form_post', [DENIAL_MARK]: '1' }, { cookie: null }));
      const resumed = await call(h, 'authorize', { path: `/oauth/authorize?interaction=${login.searchParams.get('interaction')}`, headers: { cookie: await sessionCookie(h, user.id) } });
      expect(readFormPost(await resumed.text()).fields.has('id_token')).toBe(true);
    });

    it('max_age: an old sign-in signs in again; with prompt=none it is login_required in the fragment', async () => {
      const old = await sessionCookie(h, user.id, Math.floor(h.clock.now.getTime() / 1000) - 3600);
      expect((await location(await authorize({ response_type: 'id_token', max_age: '60' }, { cookie: old }))).pathname).toBe('/login');
      const params = await fragmentOf(await authorize({ response_type: 'id_token', max_age: '60', prompt: 'none' }, { cookie: old }));
      expect(params.get('error')).toBe('login_required');
    });
  });
});
