/**
 * Bad input at every endpoint gets the protocol's own error, never a 500 or an open redirect.
 * Runs against the real server on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../support/browserless.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { grantConsent, makeClient, makeUser, openDb, PASSWORD } from '../support/fixtures.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { s256 } from '@/lib/oidc/pkce.ts';
import type { Db } from '@/lib/db/client.ts';

const REDIRECT = 'https://rp.example.com/callback';
const VERIFIER = 'v'.repeat(43);
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe.each(DATABASES)('protocol errors on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let db: Db;
  let user: { id: string; email: string };
  let web: { id: string; secret: string | null };
  let agent: Agent;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startServer(database);
    db = await openDb(database.url);
    user = await makeUser(db, `eve-${kind}@example.com`);
    web = await makeClient(db, { name: 'RP', type: 'web', redirectUris: [REDIRECT] });
    agent = new Agent(server.issuer);
    expect(await agent.signIn(user.email, PASSWORD)).toBe(true);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
    await database?.drop();
  });

  const authorizeUrl = (params: Record<string, string>) =>
    `/oauth/authorize?${new URLSearchParams({
      client_id: web.id, redirect_uri: REDIRECT, response_type: 'code', scope: 'openid', state: 'abc',
      code_challenge: s256(VERIFIER), code_challenge_method: 'S256', ...params,
    })}`;

  async function authorizeRedirect(params: Record<string, string>, a = agent): Promise<URL> {
    const res = await a.fetch(authorizeUrl(params));
    expect(res.status).toBe(303);
    return new URL(res.headers.get('location')!, server.issuer);
  }

  const token = (body: Record<string, string>, auth = basic(web.id, web.secret!)) =>
    fetch(`${server.issuer}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(auth ? { authorization: auth } : {}) },
      body: new URLSearchParams(body),
    });

  describe('authorization endpoint', () => {
    it('shows an error page, never a redirect, for an unknown client or unregistered redirect_uri', async () => {
      for (const params of <Record<string, string>[]>[{ client_id: 'nope' }, { redirect_uri: 'https://evil.example.com/cb' }, { redirect_uri: `${REDIRECT}/extra` }, { client_id: '' }]) {
        const res = await agent.fetch(authorizeUrl(params));
        expect(res.status).toBe(400);
        expect(res.headers.get('location')).toBeNull();
        expect(res.headers.get('content-type')).toMatch(/text\/html/);
        expect(await res.text()).toMatch(/invalid_request/);
      }
    });

    it('refuses repeated parameters with an error page', async () => {
      const res = await agent.fetch(`${authorizeUrl({})}&scope=openid`);
      expect(res.status).toBe(400);
    });

    it('redirects other errors to the client with state and iss (RFC 9207)', async () => {
      const cases: [Record<string, string>, string][] = [
        [{ response_type: 'token' }, 'unsupported_response_type'],
        [{ code_challenge_method: 'plain' }, 'invalid_request'],
        [{ scope: 'openid admin' }, 'invalid_scope'],
        [{ prompt: 'none login' }, 'invalid_request'],
        [{ max_age: '-1' }, 'invalid_request'],
        [{ response_mode: 'jwt' }, 'invalid_request'],
      ];
      for (const [params, error] of cases) {
        const url = await authorizeRedirect(params);
        expect(url.origin + url.pathname).toBe(REDIRECT);
        expect(url.searchParams.get('error')).toBe(error);
        expect(url.searchParams.get('state')).toBe('abc');
        expect(url.searchParams.get('iss')).toBe(server.issuer);
      }
    });

    it('answers prompt=none with login_required or consent_required', async () => {
      const anonymous = new Agent(server.issuer);
      const verified = await makeClient(db, { name: 'Verified RP', type: 'web', redirectUris: [REDIRECT] });
      await db.client.update({ where: { id: verified.id }, data: { verified: true } });
      expect((await authorizeRedirect({ prompt: 'none', client_id: verified.id }, anonymous)).searchParams.get('error')).toBe('login_required');
      expect((await authorizeRedirect({ prompt: 'none' })).searchParams.get('error')).toBe('consent_required');
    });

    it('offers the error as a link, not a redirect, for an unverified app when nobody is signed in (RFC 9700 §4.11.2)', async () => {
      const res = await new Agent(server.issuer).fetch(authorizeUrl({ prompt: 'none' }));
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      const html = await res.text();
      expect(html).toContain('Continue to rp.example.com');
      const link = new URL(/<a class="button" href="([^"]*)"/.exec(html)![1]!.replace(/&amp;/g, '&'));
      expect(link.origin + link.pathname).toBe(REDIRECT);
      expect(Object.fromEntries(link.searchParams)).toMatchObject({ error: 'login_required', state: 'abc', iss: server.issuer });
    });

    it('asks for consent, then remembers it per scope and asks again for new scopes', async () => {
      expect((await authorizeRedirect({})).pathname).toBe('/consent');
      await grantConsent(db, user.id, web.id, ['openid']);
      expect((await authorizeRedirect({})).searchParams.get('code')).toBeTruthy();
      expect((await authorizeRedirect({ scope: 'openid email' })).pathname).toBe('/consent');
      expect((await authorizeRedirect({ prompt: 'consent' })).pathname).toBe('/consent');
    });

    it('demands a fresh sign-in for prompt=login and an exceeded max_age', async () => {
      await grantConsent(db, user.id, web.id, ['openid']);
      expect((await authorizeRedirect({ prompt: 'login' })).pathname).toBe('/login');
      await new Promise((r) => setTimeout(r, 1100));
      expect((await authorizeRedirect({ max_age: '0' })).pathname).toBe('/login');
      expect((await authorizeRedirect({ max_age: '3600' })).searchParams.get('code')).toBeTruthy();
    });

    it('sends prompt=select_account to the account chooser', async () => {
      const url = await authorizeRedirect({ prompt: 'select_account' });
      expect(url.pathname).toBe('/login');
      expect(url.searchParams.get('select_account')).toBe('1');
    });

    it('refuses an expired or unknown interaction with an error page', async () => {
      const res = await agent.fetch('/oauth/authorize?interaction=ix_unknown');
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    });
  });

  describe('token endpoint (RFC 6749 §5.2)', () => {
    it('answers client authentication failures with 401 and a Basic challenge', async () => {
      for (const auth of [basic(web.id, 'cs_wrong'), basic('unknown', 'x')]) {
        const res = await token({ grant_type: 'client_credentials' }, auth);
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect((await res.json()).error).toBe('invalid_client');
      }
      const post = await token({ grant_type: 'authorization_code', code: 'x', redirect_uri: REDIRECT, client_id: web.id, client_secret: web.secret! }, '');
      expect(post.status).toBe(401); // registered for client_secret_basic
      const both = await token({ grant_type: 'authorization_code', client_secret: web.secret! });
      expect((await both.json()).error).toBe('invalid_request');
    });

    it('names the problem for bad grants and parameters', async () => {
      const cases: [Record<string, string>, number, string][] = [
        [{}, 400, 'invalid_request'],
        [{ grant_type: 'password', username: 'a', password: 'b' }, 400, 'unsupported_grant_type'],
        [{ grant_type: 'client_credentials' }, 400, 'unauthorized_client'],
        [{ grant_type: 'authorization_code', code: 'ac_nope', redirect_uri: REDIRECT }, 400, 'invalid_grant'],
        [{ grant_type: 'authorization_code', redirect_uri: REDIRECT }, 400, 'invalid_request'],
        [{ grant_type: 'refresh_token', refresh_token: 'rt_nope' }, 400, 'invalid_grant'],
      ];
      for (const [body, status, error] of cases) {
        const res = await token(body);
        expect(res.status).toBe(status);
        const json = await res.json();
        expect(json.error).toBe(error);
        expect(json.error_description).toBeTypeOf('string');
      }
      const get = await fetch(`${server.issuer}/oauth/token`);
      expect(get.status).toBeGreaterThanOrEqual(400);
      expect(get.status).toBeLessThan(500);
      const json = await fetch(`${server.issuer}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: basic(web.id, web.secret!) }, body: '{}' });
      expect((await json.json()).error).toBe('invalid_request');
    });

    it('checks redirect_uri and the PKCE verifier, and a replayed code revokes its tokens', async () => {
      await grantConsent(db, user.id, web.id, ['openid']);
      const code = async () => (await authorizeRedirect({})).searchParams.get('code')!;
      const wrongUri = await token({ grant_type: 'authorization_code', code: await code(), redirect_uri: 'https://rp.example.com/other', code_verifier: VERIFIER });
      expect((await wrongUri.json()).error).toBe('invalid_grant');
      const wrongVerifier = await token({ grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT, code_verifier: 'w'.repeat(43) });
      expect((await wrongVerifier.json()).error).toBe('invalid_grant');

      const c = await code();
      const first = await (await token({ grant_type: 'authorization_code', code: c, redirect_uri: REDIRECT, code_verifier: VERIFIER })).json();
      expect(first.access_token).toMatch(/^at_/);
      const second = await token({ grant_type: 'authorization_code', code: c, redirect_uri: REDIRECT, code_verifier: VERIFIER });
      expect((await second.json()).error).toBe('invalid_grant');
      const info = await fetch(`${server.issuer}/oauth/userinfo`, { headers: { authorization: `Bearer ${first.access_token}` } });
      expect(info.status).toBe(401);
    });
  });

  describe('other endpoints', () => {
    it('require client authentication for introspection and revocation', async () => {
      for (const path of ['/oauth/introspect', '/oauth/revoke']) {
        const res = await fetch(`${server.issuer}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'token=x' });
        expect(res.status).toBe(401);
        expect((await res.json()).error).toBe('invalid_client');
      }
    });

    it('answers a missing bearer token at userinfo with 401 and a Bearer challenge', async () => {
      const res = await fetch(`${server.issuer}/oauth/userinfo`);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    });

    it('refuses an unregistered post_logout_redirect_uri and a forged id_token_hint', async () => {
      const res = await fetch(`${server.issuer}/oauth/end-session?client_id=${web.id}&post_logout_redirect_uri=https://evil.example.com/`, { redirect: 'manual' });
      expect(res.status).toBe(400);
      const forged = await fetch(`${server.issuer}/oauth/end-session?id_token_hint=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.`, { redirect: 'manual' });
      expect(forged.status).toBe(400);
    });

    it('answers a wrong method with 405 and Allow, in the endpoint\'s own format', async () => {
      for (const [path, method, allow] of [
        ['/oauth/token', 'GET', 'POST, OPTIONS'],
        ['/oauth/introspect', 'PUT', 'POST, OPTIONS'],
        ['/oauth/revoke', 'DELETE', 'POST, OPTIONS'],
        ['/oauth/userinfo', 'PUT', 'GET, POST, OPTIONS'],
        ['/.well-known/jwks.json', 'POST', 'GET, HEAD, OPTIONS'],
        ['/.well-known/openid-configuration', 'DELETE', 'GET, HEAD, OPTIONS'],
      ]) {
        const res = await fetch(`${server.issuer}${path}`, { method });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow')).toBe(allow);
        expect((await res.json()).error).toBe('invalid_request');
      }
      const page = await fetch(`${server.issuer}/oauth/authorize?client_id=${web.id}`, { method: 'PUT', redirect: 'manual' });
      expect(page.status).toBe(405);
      expect(page.headers.get('allow')).toBe('GET, POST');
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
    });

    it('answers an oversized body with 413, never a 500', async () => {
      const form = { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(web.id, web.secret!) };
      const overForm = await fetch(`${server.issuer}/oauth/token`, { method: 'POST', headers: form, body: `grant_type=client_credentials&pad=${'x'.repeat(70 * 1024)}` });
      expect(overForm.status).toBe(413);
      expect((await overForm.json()).error).toBe('invalid_request');
      // Over the server's 1 MB cap: refused before the body is read, declared length or not.
      const overCap = await fetch(`${server.issuer}/oauth/token`, { method: 'POST', headers: form, body: 'x'.repeat(2 * 1024 * 1024) });
      expect(overCap.status).toBe(413);
      expect((await overCap.json()).error).toBe('invalid_request');
      const chunked = await fetch(`${server.issuer}/oauth/token`, {
        method: 'POST',
        headers: form,
        body: new Blob(['x'.repeat(2 * 1024 * 1024)]).stream(),
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(413);
      const page = await fetch(`${server.issuer}/oauth/authorize`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'x'.repeat(2 * 1024 * 1024), redirect: 'manual' });
      expect(page.status).toBe(413);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
    });

    it('answers a malformed URL with 400, never a 500', async () => {
      const api = await fetch(`${server.issuer}/api/v1/clients/%E0%A4%A`);
      expect(api.status).toBe(400);
      expect((await api.json()).error).toBe('invalid_request');
      const page = await fetch(`${server.issuer}/login/%E0%A4%A`);
      expect(page.status).toBe(400);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
    });

    it('answers CORS only for registered origins, and discovery for any', async () => {
      const spa = await makeClient(db, { name: 'SPA', type: 'spa', redirectUris: ['http://localhost:5173/cb'] });
      expect(spa.secret).toBeNull();
      const preflight = (origin: string) =>
        fetch(`${server.issuer}/oauth/token`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect((await preflight('http://localhost:5173')).headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect((await preflight('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
      const disco = await fetch(`${server.issuer}/.well-known/openid-configuration`, { headers: { origin: 'https://anyone.example.com' } });
      expect(disco.headers.get('access-control-allow-origin')).toBe('*');
    });
  });
});
