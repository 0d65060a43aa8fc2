/**
 * Client ID metadata documents (draft-ietf-oauth-client-id-metadata-document) against the real
 * server, on SQLite and PostgreSQL: a self-signed https server on 127.0.0.1 serves the documents,
 * allow-listed with PORTICO_OUTBOUND_ALLOWED_HOSTS and trusted through NODE_EXTRA_CA_CERTS. An
 * agent (openid-client) uses the document's URL as its client_id for code + PKCE and refresh;
 * bad documents and forbidden addresses leave the client unknown.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../support/browserless.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { grantConsent, makeUser, openDb, PASSWORD } from '../support/fixtures.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { json, startTlsServer, type Handler, type TestTlsServer } from '@/lib/net/test-support.ts';
import type { Db } from '@/lib/db/client.ts';

const CALLBACK = 'http://127.0.0.1/callback';

describe.each(DATABASES)('client ID metadata documents on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let documents: TestTlsServer;
  let db: Db;
  let user: { id: string; email: string };
  const routes = new Map<string, Handler>();

  beforeAll(async () => {
    documents = await startTlsServer((req: IncomingMessage, res: ServerResponse) => {
      const route = routes.get(req.url ?? '');
      if (route) return route(req, res);
      res.writeHead(404);
      res.end();
    });
    database = await createTestDatabase(kind);
    server = await startServer(database, { PORTICO_OUTBOUND_ALLOWED_HOSTS: documents.hostPort, NODE_EXTRA_CA_CERTS: documents.caFile });
    db = await openDb(database.url);
    user = await makeUser(db, `agent-user-${kind}@example.com`);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
    await database?.drop();
    await documents?.close();
  });

  /** Serves `body` (a document for the URL, by default) at a new path; returns the URL. */
  function serve(name: string, handler?: (url: string) => Handler): string {
    const path = `/agents/${name}.json`;
    const url = `${documents.origin}${path}`;
    routes.set(path, handler ? handler(url) : json(validDocument(url)));
    return url;
  }
  const validDocument = (url: string, extra: Record<string, unknown> = {}) => ({
    client_id: url,
    client_name: 'Travel Agent',
    redirect_uris: [CALLBACK],
    grant_types: ['authorization_code', 'refresh_token'],
    token_endpoint_auth_method: 'none',
    scope: 'openid profile offline_access',
    client_uri: 'https://agent.example.com',
    ...extra,
  });

  function authorizeUrl(clientId: string, extra: Record<string, string> = {}) {
    const url = new URL('/oauth/authorize', server.issuer);
    url.search = new URLSearchParams({
      client_id: clientId, redirect_uri: 'http://127.0.0.1:43117/callback', response_type: 'code', scope: 'openid',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256', state: 's', ...extra,
    }).toString();
    return url;
  }

  /** The authorize endpoint's answer for a client_id that must stay unknown: an error page, never a redirect. */
  async function expectUnknownClient(clientId: string) {
    const res = await fetch(authorizeUrl(clientId), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('not registered');
    const token = await fetch(`${server.issuer}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: 'ac_nope', client_id: clientId, redirect_uri: CALLBACK, code_verifier: 'x'.repeat(43) }),
    });
    expect(token.status).toBe(401);
    expect((await token.json()).error).toBe('invalid_client');
  }

  it('advertises client_id_metadata_document_supported (§6)', async () => {
    const meta = await (await fetch(`${server.issuer}/.well-known/oauth-authorization-server`)).json();
    expect(meta.client_id_metadata_document_supported).toBe(true);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('runs code + PKCE and refresh with the document URL as client_id, on any loopback port (RFC 8252 §7.3)', async () => {
    const clientId = serve('travel');
    const config = await oidc.discovery(new URL(server.issuer), clientId, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
    const agent = new Agent(server.issuer);
    expect(await agent.signIn(user.email, PASSWORD)).toBe(true);
    const verifier = oidc.randomPKCECodeVerifier();
    const redirectUri = 'http://127.0.0.1:51004/callback';
    const start = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri, scope: 'openid profile offline_access', state: 'st', nonce: 'nn',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
    });
    const { url: consent } = await agent.navigate(start, (u) => u.pathname === '/consent');
    expect(consent.pathname).toBe('/consent');
    const row = await db.client.findUnique({ where: { id: clientId } });
    expect(row).toMatchObject({ name: 'Travel Agent', type: 'native', tokenEndpointAuthMethod: 'none', teamId: null, verified: false });
    expect(row!.metadataFetchedAt).toBeInstanceOf(Date);

    // The user allows on the consent screen (what it records: the consent, and that it was given on
    // this request). A native app on a loopback redirect is asked every time (RFC 8252 §8.6).
    const interaction = consent.searchParams.get('interaction')!;
    await grantConsent(db, user.id, clientId, ['openid', 'profile', 'offline_access']);
    await db.interaction.update({ where: { id: interaction }, data: { consentAt: new Date() } });
    const { url: callback } = await agent.navigate(`/oauth/authorize?interaction=${encodeURIComponent(interaction)}`);
    expect(callback.origin + callback.pathname).toBe('http://127.0.0.1:51004/callback');
    const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: 'st', expectedNonce: 'nn', idTokenExpected: true });
    expect(tokens.claims()).toMatchObject({ iss: server.issuer, sub: user.id, aud: clientId });
    expect(tokens.refresh_token).toMatch(/^rt_/);
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.access_token).toMatch(/^at_/);
    expect(documents.hits.filter((p) => p === '/agents/travel.json')).toHaveLength(1); // cached since
  });

  it('requires PKCE of the public client', async () => {
    const clientId = serve('pkce');
    const url = authorizeUrl(clientId);
    url.searchParams.delete('code_challenge');
    url.searchParams.delete('code_challenge_method');
    const res = await fetch(url, { redirect: 'manual' });
    // Nobody vouches for a metadata-document client and nobody is signed in: the error redirect is
    // offered as a link on a Portico page, not followed (RFC 9700 §4.11.2).
    expect(res.headers.get('location')).toBeNull();
    const href = /<a class="button" href="([^"]*)"/.exec(await res.text())?.[1];
    const location = new URL(href!.replace(/&amp;/g, '&'));
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe('s');
  });

  it('refuses a redirect_uri the document does not list', async () => {
    const clientId = serve('wrong-redirect');
    const res = await fetch(authorizeUrl(clientId, { redirect_uri: 'https://evil.example.com/cb' }), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  it.each([
    ['a client_id that is not the URL', (url: string) => json(validDocument(url, { client_id: `${url}x` }))],
    ['a client_secret in the document', (url: string) => json(validDocument(url, { client_secret: 'shh' }))],
    ['client_secret_basic', (url: string) => json(validDocument(url, { token_endpoint_auth_method: 'client_secret_basic' }))],
    ['private_key_jwt', (url: string) => json(validDocument(url, { token_endpoint_auth_method: 'private_key_jwt', jwks_uri: `${url}/jwks` }))],
    ['a body that is not JSON', () => json('<html>hello</html>')],
    ['a Content-Type that is not JSON', (url: string) => (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(JSON.stringify(validDocument(url)));
    }],
    ['an oversized document', (url: string) => json(validDocument(url, { client_name: 'Big', padding: 'x'.repeat(6000) }))],
    ['a redirect to a valid document', () => (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(302, { location: '/agents/travel.json' });
      res.end();
    }],
    ['an HTTP error', () => (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{}');
    }],
  ])('leaves the client unknown for %s', async (_name, handler) => {
    const clientId = serve(`bad-${Math.random().toString(36).slice(2)}`, handler);
    await expectUnknownClient(clientId);
    expect(await db.client.findUnique({ where: { id: clientId } })).toBeNull();
  });

  it('gives up on a document that does not arrive within 5 seconds', async () => {
    const clientId = serve('slow', () => () => {}); // never answers
    const started = Date.now();
    const res = await fetch(authorizeUrl(clientId), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(9000);
  });

  it('never fetches from a private address that is not allow-listed', async () => {
    const before = documents.hits.length;
    // The same server by another name: localhost:<port> is not the allow-listed 127.0.0.1:<port>.
    const viaLocalhost = serve('via-localhost').replace('127.0.0.1', 'localhost');
    for (const clientId of [viaLocalhost, 'https://169.254.169.254/latest/meta-data/client.json', 'https://10.0.0.1/client.json', 'https://[::1]/client.json']) {
      await expectUnknownClient(clientId);
    }
    expect(documents.hits.length).toBe(before);
  });

  it('does not fetch client_ids that break the URL rules (§3)', async () => {
    const before = documents.hits.length;
    serve('rules');
    for (const clientId of [`${documents.origin}/agents/rules.json?v=1`, `${documents.origin}/agents/../agents/rules.json`, `${documents.origin}/`]) {
      await expectUnknownClient(clientId);
    }
    expect(documents.hits.length).toBe(before);
  });
});
