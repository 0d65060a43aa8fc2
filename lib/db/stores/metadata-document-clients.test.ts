/**
 * Client ID metadata documents through the client store, on a real migrated SQLite database with a
 * controlled clock, served by a self-signed https server on 127.0.0.1 (allow-listed).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type Harness } from '../../../tests/support/core-harness.ts';
import { json, startTlsServer, type TestTlsServer } from '../../net/test-support.ts';
import type { ClientStore } from '../../oidc/ports.ts';
import { clientStore } from './clients.ts';
import { metadataDocumentClients } from './metadata-document-clients.ts';

let h: Harness;
let server: TestTlsServer;
let logs: string[];
let n = 0;

beforeAll(async () => {
  [h, server] = await Promise.all([startCore(), startTlsServer()]);
});
afterAll(async () => {
  await server?.close();
  await h?.close();
});
beforeEach(() => {
  logs = [];
});

/** A fresh store, as a new instance (or a restart) would have: nothing remembered in memory. */
function store(): ClientStore {
  const clock = () => h.clock.now;
  const documents = metadataDocumentClients(h.runtime.db, clock, { allowedHosts: [server.hostPort], ca: server.ca, timeoutMs: 1000, log: (m) => void logs.push(m) });
  return clientStore(h.runtime.db, clock, 60_000, documents);
}

const newUrl = () => `${server.origin}/clients/${++n}.json`;
const document = (url: string, extra: Record<string, unknown> = {}) => ({ client_id: url, client_name: 'Agent', redirect_uris: ['http://127.0.0.1/callback'], ...extra });
const hitsOf = (url: string) => server.hits.filter((p) => p === new URL(url).pathname).length;
const row = (url: string) => h.runtime.db.client.findUnique({ where: { id: url } });

describe('client ID metadata documents in the client store', () => {
  it('fetches the document once and serves a public native client from a Client row named by the URL', async () => {
    const url = newUrl();
    server.handle(json(document(url, { grant_types: ['authorization_code', 'refresh_token'], scope: 'openid profile tools:run' })));
    const clients = store();
    const client = await clients.find(url);
    expect(client).toMatchObject({
      id: url, name: 'Agent', kind: 'native', isPublic: true, tokenEndpointAuthMethod: 'none', redirectUris: ['http://127.0.0.1/callback'],
      grantTypes: ['authorization_code', 'refresh_token'], scopes: ['openid', 'profile'], verified: false, metadataDocument: true, disabled: false,
    });
    expect(await row(url)).toMatchObject({ teamId: null, verified: false, type: 'native', metadataFetchedAt: h.clock.now, expiresAt: null });
    expect(await clients.find(url)).toMatchObject({ id: url });
    expect(hitsOf(url)).toBe(1);
  });

  it('refreshes after the Cache-Control max-age, clamped to at least 5 minutes', async () => {
    const url = newUrl();
    server.handle(json(document(url), { 'cache-control': 'max-age=60' }));
    const clients = store();
    await clients.find(url);
    h.clock.advance(120);
    expect((await clients.find(url))?.name).toBe('Agent');
    expect(hitsOf(url)).toBe(1);
    server.handle(json(document(url, { client_name: 'Agent 2' }), { 'cache-control': 'max-age=60' }));
    h.clock.advance(200);
    expect((await clients.find(url))?.name).toBe('Agent 2');
    expect(hitsOf(url)).toBe(2);
  });

  it('keeps a long max-age on the instance that fetched, at most 24 hours; another instance assumes 5 minutes', async () => {
    const url = newUrl();
    server.handle(json(document(url), { 'cache-control': 'public, max-age=999999' }));
    const first = store();
    await first.find(url);
    h.clock.advance(6 * 3600);
    await first.find(url);
    expect(hitsOf(url)).toBe(1);
    await store().find(url); // knows only metadataFetchedAt, 6 h ago
    expect(hitsOf(url)).toBe(2);
    h.clock.advance(24 * 3600 + 1);
    await first.find(url);
    expect(hitsOf(url)).toBe(3);
  });

  it('a new instance uses a row fetched less than 5 minutes ago without fetching', async () => {
    const url = newUrl();
    server.handle(json(document(url)));
    await store().find(url);
    h.clock.advance(200);
    expect(await store().find(url)).toMatchObject({ id: url });
    expect(hitsOf(url)).toBe(1);
  });

  it('keeps working from the cached row while the document server fails, for up to 24 hours, retrying at most once a minute', async () => {
    const url = newUrl();
    server.handle(json(document(url)));
    const clients = store();
    await clients.find(url);
    server.handle((_req, res) => {
      res.writeHead(503);
      res.end();
    });
    h.clock.advance(600);
    expect(await clients.find(url)).toMatchObject({ id: url });
    expect(hitsOf(url)).toBe(2);
    expect(logs.join('\n')).toContain('HTTP 503');
    h.clock.advance(30);
    await clients.find(url);
    expect(hitsOf(url)).toBe(2);
    h.clock.advance(31);
    await clients.find(url);
    expect(hitsOf(url)).toBe(3);
    h.clock.advance(24 * 3600);
    expect(await clients.find(url)).toBeNull();
  });

  it('treats an unknown URL whose fetch fails as no client, and does not cache the failure', async () => {
    const url = newUrl();
    server.handle((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{}');
    });
    const clients = store();
    expect(await clients.find(url)).toBeNull();
    expect(await clients.find(url)).toBeNull();
    expect(hitsOf(url)).toBe(2); // §5.2: error responses are not cached
    expect(await row(url)).toBeNull();
    server.handle(json(document(url)));
    expect(await clients.find(url)).toMatchObject({ id: url });
  });

  it('stops serving the client once its document turns invalid, keeping the operator flags for when it is fixed', async () => {
    const url = newUrl();
    server.handle(json(document(url)));
    const clients = store();
    await clients.find(url);
    await h.runtime.db.client.update({ where: { id: url }, data: { verified: true } });
    server.handle(json(document(url, { client_secret: 'oops' })));
    h.clock.advance(301);
    expect(await clients.find(url)).toBeNull();
    expect(logs.join('\n')).toContain('client_secret');
    server.handle(json(document(url, { client_name: 'Fixed' })));
    expect(await clients.find(url)).toMatchObject({ name: 'Fixed', verified: true });
  });

  it('refuses documents that break the portal rules for the fields it keeps', async () => {
    const url = newUrl();
    server.handle(json(document(url, { redirect_uris: ['http://app.example.com/cb'] })));
    expect(await store().find(url)).toBeNull();
    expect(logs.join('\n')).toContain('must use https');
    server.handle(json(document(url, { client_name: 'x'.repeat(101) })));
    expect(await store().find(url)).toBeNull();
    expect(await row(url)).toBeNull();
  });

  it('never fetches client_ids that are not usable identifier URLs, and allows 2048 characters', async () => {
    const before = server.hits.length;
    const clients = store();
    for (const id of [`${server.origin}/`, `${server.origin}/a?x=1`, `${server.origin}/a/../b`, `${server.origin}/${'a'.repeat(2048)}`]) {
      expect(await clients.find(id)).toBeNull();
    }
    expect(server.hits.length).toBe(before);
    const long = `${server.origin}/${'l'.repeat(2048 - server.origin.length - 1)}`;
    expect(long).toHaveLength(2048);
    server.handle(json(document(long)));
    expect(await clients.find(long)).toMatchObject({ id: long });
  });

  it('shares one fetch between concurrent lookups', async () => {
    const url = newUrl();
    server.handle((req, res) => setTimeout(() => json(document(url))(req, res), 100));
    const clients = store();
    const found = await Promise.all([clients.find(url), clients.find(url), clients.find(url)]);
    expect(found.every((c) => c?.id === url)).toBe(true);
    expect(hitsOf(url)).toBe(1);
  });

  it('treats a client past its expiresAt as unknown', async () => {
    const url = newUrl();
    server.handle(json(document(url)));
    const clients = store();
    await clients.find(url);
    await h.runtime.db.client.update({ where: { id: url }, data: { expiresAt: new Date(h.clock.now.getTime() + 1000) } });
    expect(await clients.find(url)).not.toBeNull();
    h.clock.advance(2);
    expect(await clients.find(url)).toBeNull();
  });
});
