/**
 * Pairwise subject identifiers (OIDC Core §8.1) against the in-process core on SQLite and
 * PostgreSQL: one user seen by apps of two sectors gets two unrelated subjects, by two apps of
 * one sector the same one, and each app sees its value everywhere — ID tokens from both
 * endpoints, userinfo, introspection, JWT access tokens (RFC 9068), logout tokens (Back-Channel
 * Logout §2.4) — and its id_token_hint (whose sub is that value) works at end-session and at the
 * authorization endpoint. A public-subject app keeps seeing the user id.
 */
import { createServer, type Server } from 'node:http';
import { compactVerify, decodeJwt, decodeProtectedHeader, importJWK } from 'jose';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { fragmentParams } from '../support/authorization-response.ts';
import { basic, call, sessionCookie, startCore, type Harness } from '../support/core-harness.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { discoverInProcess } from '../support/in-process-fetch.ts';

type App = { id: string; secret: string; redirect: string };

describe.each(DATABASES)('pairwise subjects on %s', (kind) => {
  let database: TestDatabase;
  let h: Harness;
  let receiver: Server;
  const logoutTokens: string[] = [];
  let user: { id: string; email: string };
  let sectorA: App; // pairwise, a.sector.example: JWT access tokens, hybrid, back-channel logout
  let sectorA2: App; // pairwise, another app on a.sector.example
  let sectorB: App; // pairwise, b.sector.example
  let open: App; // public subjects

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        logoutTokens.push(new URLSearchParams(body).get('logout_token') ?? '');
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as { port: number }).port;
    database = await createTestDatabase(kind);
    h = await startCore({ DATABASE_URL: database.url, PORTICO_OUTBOUND_ALLOWED_HOSTS: `127.0.0.1:${port}` });
    user = await createUser(h.runtime.db, { email: 'ada@pairwise.example', password: 'correct horse battery', name: 'Ada' });

    async function app(name: string, redirect: string, subjectType: 'public' | 'pairwise', data: Record<string, unknown> = {}): Promise<App> {
      const created = await createClient(h.runtime.db, { name, type: 'web', redirectUris: [redirect], postLogoutRedirectUris: [`${new URL(redirect).origin}/signed-out`] });
      await h.runtime.db.client.update({ where: { id: created.client.id }, data: { subjectType, ...data } });
      await h.runtime.stores.consents.grant(user.id, created.client.id, ['openid', 'email']);
      return { id: created.client.id, secret: created.clientSecret!, redirect };
    }
    sectorA = await app('Sector A', 'https://a.sector.example/cb', 'pairwise', {
      accessTokenFormat: 'jwt',
      backchannelLogoutUri: `http://127.0.0.1:${port}/backchannel-logout`,
      responseTypes: JSON.stringify(['code', 'code id_token']),
      grantTypes: JSON.stringify(['authorization_code', 'implicit', 'refresh_token']),
    });
    sectorA2 = await app('Sector A, second app', 'https://a.sector.example/second/cb', 'pairwise');
    sectorB = await app('Sector B', 'https://b.sector.example/cb', 'pairwise');
    open = await app('Public subjects', 'https://public.example/cb', 'public');
  });
  afterAll(async () => {
    receiver?.close();
    await h?.close();
    await database?.drop();
  });

  const configure = (app: App, ...execute: ((c: oidc.Configuration) => void)[]) => discoverInProcess(h, app.id, oidc.ClientSecretBasic(app.secret), execute);

  async function redirectedTo(url: URL, cookie: string): Promise<URL> {
    const res = await call(h, 'authorize', { path: url.pathname + url.search, headers: { cookie } });
    expect(res.status).toBe(303);
    return new URL(res.headers.get('location')!, h.config.issuer);
  }

  async function signIn(app: App, cookie: string, extra: Record<string, string> = {}) {
    const config = await configure(app);
    const verifier = oidc.randomPKCECodeVerifier();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: app.redirect, scope: 'openid email', state: 'st', ...extra,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
    });
    const tokens = await oidc.authorizationCodeGrant(config, await redirectedTo(url, cookie), { pkceCodeVerifier: verifier, expectedState: 'st', idTokenExpected: true });
    return { config, tokens, sub: tokens.claims()!.sub };
  }

  async function introspectedSub(app: App, token: string): Promise<unknown> {
    const res = await call(h, 'introspect', { body: { token }, headers: { authorization: basic(app.id, app.secret) } });
    const body = await res.json();
    expect(body.active).toBe(true);
    return body.sub;
  }

  async function nextLogoutToken(): Promise<Record<string, unknown>> {
    for (let i = 0; i < 200 && logoutTokens.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const token = logoutTokens.shift();
    expect(token).toBeTruthy();
    const header = decodeProtectedHeader(token!);
    const jwk = await h.runtime.provider.keys.publicKey(header.kid!);
    const { payload } = await compactVerify(token!, await importJWK(jwk!, header.alg));
    return JSON.parse(new TextDecoder().decode(payload));
  }

  it('gives apps of different sectors different subjects, apps of one sector the same, a public app the user id', async () => {
    const cookie = await sessionCookie(h, user.id);
    const a = await signIn(sectorA, cookie);
    const a2 = await signIn(sectorA2, cookie);
    const b = await signIn(sectorB, cookie);
    const pub = await signIn(open, cookie);
    expect(a.sub).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.sub).not.toBe(user.id);
    expect(a2.sub).toBe(a.sub);
    expect(b.sub).not.toBe(a.sub);
    expect(b.sub).not.toBe(user.id);
    expect(pub.sub).toBe(user.id);
    // Stable: the next sign-in sees the same value.
    expect((await signIn(sectorB, cookie)).sub).toBe(b.sub);
  });

  it('an app sees its one subject in the ID token, userinfo, introspection and its JWT access token', async () => {
    const cookie = await sessionCookie(h, user.id);
    const { config, tokens, sub } = await signIn(sectorA, cookie);
    expect(decodeJwt(tokens.access_token).sub).toBe(sub);
    expect(await oidc.fetchUserInfo(config, tokens.access_token, sub)).toMatchObject({ sub, email: user.email });
    expect(await introspectedSub(sectorA, tokens.access_token)).toBe(sub);

    const b = await signIn(sectorB, cookie);
    expect(await oidc.fetchUserInfo(b.config, b.tokens.access_token, b.sub)).toMatchObject({ sub: b.sub });
    expect(await introspectedSub(sectorB, b.tokens.access_token)).toBe(b.sub);
  });

  it('the ID token from the authorization endpoint (hybrid) has the same subject', async () => {
    const cookie = await sessionCookie(h, user.id);
    const { sub } = await signIn(sectorA, cookie);
    const config = await configure(sectorA, oidc.useCodeIdTokenResponseType);
    const verifier = oidc.randomPKCECodeVerifier();
    const nonce = oidc.randomNonce();
    const callback = await redirectedTo(oidc.buildAuthorizationUrl(config, {
      redirect_uri: sectorA.redirect, scope: 'openid', nonce, state: 'hy',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
    }), cookie);
    expect(decodeJwt(fragmentParams(callback.href).get('id_token')!).sub).toBe(sub);
  });

  it('a pairwise id_token_hint signs the user out at once, and the logout token names the same subject', async () => {
    const cookie = await sessionCookie(h, user.id);
    const { tokens, sub } = await signIn(sectorA, cookie);
    logoutTokens.length = 0;
    const out = await call(h, 'endSession', {
      path: `/oauth/end-session?${new URLSearchParams({ id_token_hint: tokens.id_token!, post_logout_redirect_uri: 'https://a.sector.example/signed-out', state: 'bye' })}`,
      headers: { cookie },
    });
    // Not the "Sign out of Portico?" question: the hint named the signed-in user.
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('https://a.sector.example/signed-out?state=bye');
    expect(await nextLogoutToken()).toMatchObject({ aud: sectorA.id, sub });
  });

  it('a hint for another user still asks before signing out', async () => {
    const other = await createUser(h.runtime.db, { email: 'grace@pairwise.example', password: 'correct horse battery' });
    await h.runtime.stores.consents.grant(other.id, sectorA.id, ['openid', 'email']);
    const { tokens } = await signIn(sectorA, await sessionCookie(h, other.id));
    const out = await call(h, 'endSession', { path: `/oauth/end-session?${new URLSearchParams({ id_token_hint: tokens.id_token! })}`, headers: { cookie: await sessionCookie(h, user.id) } });
    expect(out.status).toBe(200);
    expect(await out.text()).toContain('Sign out of Portico?');
  });

  it('a pairwise id_token_hint for the signed-in user satisfies prompt=none at the authorization endpoint', async () => {
    const cookie = await sessionCookie(h, user.id);
    const { tokens } = await signIn(sectorB, cookie);
    const config = await configure(sectorB);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: sectorB.redirect, scope: 'openid', state: 'again', prompt: 'none', id_token_hint: tokens.id_token!,
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()), code_challenge_method: 'S256',
    });
    const callback = await redirectedTo(url, cookie);
    expect(callback.searchParams.get('error')).toBeNull();
    expect(callback.searchParams.get('code')).toBeTruthy();
  });

  it('is advertised in discovery', async () => {
    const doc = await (await call(h, 'discovery', { path: '/.well-known/openid-configuration' })).json();
    expect(doc.subject_types_supported).toEqual(['public', 'pairwise']);
  });
});
