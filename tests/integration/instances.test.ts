/**
 * Two instances on one database, as operators run them behind a round-robin balancer
 * (ARCHITECTURE.md, "Several instances"):
 * - after `portico keys rotate`, a token signed by either instance verifies against the JWKS
 *   of the other at every moment (a new key is published everywhere before anyone signs with it);
 * - a client that is deleted (RFC 7592), disabled, re-keyed, has a secret revoked or its redirect
 *   URIs changed stops working at once on the instance that changed it and on the other one.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client.ts';
import { createPersonalAccessToken } from '@/lib/portal/index.ts';
import { apiClient, basic, sleep } from '../api/api-client.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { makeClient, makeVerifiedUser, openDb } from '../support/fixtures.ts';
import { ROOT, serverEnv, startServer, type RunningServer } from '../support/server.ts';

const RELOAD_SECONDS = 1;
const REGISTRATION_TOKEN = 'initial-access-token-0123456789abcdefghijkl';
const env = { PORTICO_KEY_RELOAD_SECONDS: String(RELOAD_SECONDS), PORTICO_REGISTRATION_TOKEN: REGISTRATION_TOKEN };

describe.each(DATABASES)('two instances on one %s database', (kind) => {
  let database: TestDatabase;
  let a: RunningServer;
  let b: RunningServer;
  let db: Db;
  let pat: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    a = await startServer(database, env);
    b = await startServer(database, env);
    db = await openDb(database.url);
    const owner = await makeVerifiedUser(db, `owner-${kind}@example.com`);
    pat = (await createPersonalAccessToken(db, { userId: owner.id }, { name: 'ops', scopes: ['clients:read', 'clients:write'], expiresInDays: 1 })).secret;
  });
  afterAll(async () => {
    await db?.$disconnect();
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  const token = (server: RunningServer, id: string, secret: string) =>
    fetch(`${server.issuer}/oauth/token`, {
      method: 'POST',
      headers: { authorization: basic(id, secret), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
  const statuses = async (id: string, secret: string) => [(await token(a, id, secret)).status, (await token(b, id, secret)).status];

  describe('signing key rotation', () => {
    const jwksKids = async (server: RunningServer) =>
      ((await (await fetch(`${server.issuer}/.well-known/jwks.json`)).json()).keys as { kid: string }[]).map((k) => k.kid);
    const signedKid = async (server: RunningServer, id: string, secret: string) => {
      const res = await token(server, id, secret);
      expect(res.status).toBe(200);
      return decodeProtectedHeader((await res.json()).access_token).kid!;
    };

    it('never signs with a key the other instance does not publish', async () => {
      const created = await makeClient(db, { name: 'jwt worker', type: 'service', redirectUris: [], accessTokenFormat: 'jwt' });
      const svc = { id: created.id, secret: created.secret! };
      const before = await signedKid(a, svc.id, svc.secret);
      expect(await signedKid(b, svc.id, svc.secret)).toBe(before);

      const rotated = await rotateKeys(database, a.port);
      const activatesAt = Date.parse(rotated.activates_at);
      const newKid = rotated.keys.find((k) => k.alg === 'RS256')!.kid;
      const seen = new Set<string>();
      // Both instances, each checked against the other's JWKS, until well after activation.
      while (Date.now() < activatesAt + 2 * RELOAD_SECONDS * 1000) {
        for (const [signer, verifier] of [[a, b], [b, a]] as const) {
          const kid = await signedKid(signer, svc.id, svc.secret);
          seen.add(kid);
          expect(await jwksKids(verifier), `${kid} signed by ${signer.port} at ${new Date().toISOString()}`).toContain(kid);
        }
        await sleep(50);
      }
      expect([...seen]).toEqual(expect.arrayContaining([before, newKid]));
      expect(await signedKid(a, svc.id, svc.secret)).toBe(newKid);
      expect(await signedKid(b, svc.id, svc.secret)).toBe(newKid);
      // The replaced key stays published while tokens it signed may still be presented.
      for (const server of [a, b]) expect(await jwksKids(server)).toContain(before);
    });
  });

  describe('client changes', () => {
    const call = () => apiClient(a.issuer);
    const callB = () => apiClient(b.issuer);
    const createApp = async (body: object) => {
      const res = await call()('POST', '/api/v1/clients', { token: pat, body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };

    it('a client deleted through RFC 7592 on one instance gets no token from either', async () => {
      const res = await fetch(`${a.issuer}/oauth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${REGISTRATION_TOKEN}` },
        body: JSON.stringify({ client_name: 'Registered', grant_types: ['client_credentials'], redirect_uris: [] }),
      });
      expect(res.status).toBe(201);
      const reg = await res.json();
      expect(await statuses(reg.client_id, reg.client_secret)).toEqual([200, 200]); // both instances have it cached
      const del = await fetch(reg.registration_client_uri, { method: 'DELETE', headers: { authorization: `Bearer ${reg.registration_access_token}` } });
      expect(del.status).toBe(204);
      expect(await statuses(reg.client_id, reg.client_secret)).toEqual([401, 401]);
    });

    it('disabling and enabling through the REST API applies on both at once', async () => {
      const app = await createApp({ client_name: 'Worker', grant_types: ['client_credentials'] });
      expect(await statuses(app.client_id, app.client_secret)).toEqual([200, 200]);
      expect((await call()('PATCH', `/api/v1/clients/${app.client_id}`, { token: pat, body: { disabled: true } })).status).toBe(200);
      expect(await statuses(app.client_id, app.client_secret)).toEqual([401, 401]);
      expect((await callB()('PATCH', `/api/v1/clients/${app.client_id}`, { token: pat, body: { disabled: false } })).status).toBe(200);
      expect(await statuses(app.client_id, app.client_secret)).toEqual([200, 200]);
    });

    it('a secret rotated with no grace, or revoked, stops working on both at once', async () => {
      const app = await createApp({ client_name: 'Worker', grant_types: ['client_credentials'] });
      expect(await statuses(app.client_id, app.client_secret)).toEqual([200, 200]);
      const rotated = await callB()('POST', `/api/v1/clients/${app.client_id}/secrets`, { token: pat, body: { grace_period_seconds: 0 } });
      expect(rotated.status).toBe(201);
      expect(await statuses(app.client_id, app.client_secret)).toEqual([401, 401]);
      expect(await statuses(app.client_id, rotated.body.client_secret)).toEqual([200, 200]);

      const live = (await call()('GET', `/api/v1/clients/${app.client_id}`, { token: pat })).body.secrets.find((s: { status: string }) => s.status === 'active');
      expect((await call()('DELETE', `/api/v1/clients/${app.client_id}/secrets/${live.id}`, { token: pat })).status).toBe(204);
      expect(await statuses(app.client_id, rotated.body.client_secret)).toEqual([401, 401]);
    });

    it('a changed redirect URI is refused by both at once', async () => {
      const oldUri = 'https://rp.example.com/old';
      const newUri = 'https://rp.example.com/new';
      const app = await createApp({ client_name: 'Web', redirect_uris: [oldUri] });
      const authorize = (server: RunningServer, uri: string) =>
        fetch(`${server.issuer}/oauth/authorize?${new URLSearchParams({ client_id: app.client_id, redirect_uri: uri, response_type: 'code', scope: 'openid', state: 's' })}`, { redirect: 'manual' });
      // Known good: sent on to sign in (a redirect), for both instances.
      for (const server of [a, b]) expect((await authorize(server, oldUri)).status).toBe(303);
      expect((await call()('PATCH', `/api/v1/clients/${app.client_id}`, { token: pat, body: { redirect_uris: [newUri] } })).status).toBe(200);
      for (const server of [a, b]) {
        const refused = await authorize(server, oldUri);
        expect(refused.status).toBe(400); // an error page, never a redirect to the old URI
        expect(refused.headers.get('location')).toBeNull();
        expect((await authorize(server, newUri)).status).toBe(303);
      }
    });
  });
});

/** `portico keys rotate --json`, as an operator runs it beside the servers. */
async function rotateKeys(database: TestDatabase, port: number): Promise<{ activates_at: string; keys: { kid: string; alg: string }[] }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/portico.mjs'), 'keys', 'rotate', '--json'], { cwd: ROOT, env: serverEnv(database, port, env) });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code, err).toBe(0);
  return JSON.parse(out);
}
