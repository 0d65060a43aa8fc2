/**
 * The operator's registration policy (RFC 7591) switched on a running server, on SQLite and
 * PostgreSQL: through the CLI (`portico settings registration`, in-process against the same
 * database) and writeSetting. Each change applies without a restart. Open registrations expire:
 * past expiresAt the client is unknown (token endpoint, RFC 7592) and clean-up deletes it.
 */
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { openDb } from '../support/fixtures.ts';
import { startServer, TEST_SECRET, type RunningServer } from '../support/server.ts';
import { deleteExpiredClients } from '@/lib/db/cleanup.ts';
import type { Db } from '@/lib/db/client.ts';
import { writeSetting } from '@/lib/settings/write-setting.ts';

const INITIAL_TOKEN = 'initial-access-token-0123456789abcdefghijkl';
const DAY_S = 86_400;

describe.each(DATABASES)('registration policy on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startServer(database, { PORTICO_REGISTRATION_TOKEN: INITIAL_TOKEN });
    db = await openDb(database.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
    await database?.drop();
  });

  async function cli(...args: string[]) {
    let stdout = '';
    let stderr = '';
    // The operator's shell has the server's configuration.
    const env = { DATABASE_URL: database.url, PORTICO_DATA_DIR: database.dataDir, PORTICO_SECRET: TEST_SECRET, PORTICO_REGISTRATION_TOKEN: INITIAL_TOKEN };
    const code = await main(args, env, (t) => void (stdout += t), (t) => void (stderr += t));
    return { code, stdout, stderr };
  }

  const register = (body: Record<string, unknown>, token: string | null = null) =>
    fetch(`${server.issuer}/oauth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const WORKER = { client_name: 'Worker', grant_types: ['client_credentials'], token_endpoint_auth_method: 'client_secret_basic', redirect_uris: [] };
  const advertised = async () => 'registration_endpoint' in (await (await fetch(`${server.issuer}/.well-known/openid-configuration`)).json());

  /** Settings apply on every instance within moments (the settings counter is re-read every 250 ms). */
  async function eventually(check: () => Promise<boolean>) {
    for (let i = 0; i < 40 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await check()).toBe(true);
  }
  const registrationStatus = async (token: string | null = null) => (await register({ client_name: 'Probe', redirect_uris: ['https://probe.example.com/cb'] }, token)).status;

  let tokenClient: { client_id: string; registration_access_token: string; registration_client_uri: string };

  it('defaults to the initial access token when PORTICO_REGISTRATION_TOKEN is set', async () => {
    expect(await advertised()).toBe(true);
    expect((await register(WORKER)).status).toBe(401);
    const created = await register(WORKER, INITIAL_TOKEN);
    expect(created.status).toBe(201);
    tokenClient = await created.json();
    expect(tokenClient).not.toHaveProperty('client_id_expires_at');
    expect((await cli('settings', 'show', '--json')).stdout).toContain('"mode": "initial_access_token"');
  });

  it('turns registration off from the CLI without a restart: 404 JSON, not in discovery; RFC 7592 still works', async () => {
    const r = await cli('settings', 'registration', '--mode', 'off');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Dynamic client registration is off');
    await eventually(async () => (await registrationStatus(INITIAL_TOKEN)) === 404);
    const refused = await register(WORKER, INITIAL_TOKEN);
    expect(refused.headers.get('content-type')).toContain('application/json');
    expect(await refused.json()).toMatchObject({ error: 'invalid_request' });
    expect(await advertised()).toBe(false);
    const read = await fetch(tokenClient.registration_client_uri, { headers: { authorization: `Bearer ${tokenClient.registration_access_token}` } });
    expect(read.status).toBe(200);
    expect((await read.json()).client_id).toBe(tokenClient.client_id);
  });

  it('opens registration to anyone, with clients that expire after the configured days', async () => {
    const r = await cli('settings', 'registration', '--mode', 'open', '--ttl-days', '2', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ registration: { mode: 'open', open_client_ttl_days: 2 } });
    await eventually(async () => (await registrationStatus()) === 201);
    expect(await advertised()).toBe(true);

    const before = Math.floor(Date.now() / 1000);
    const worker = await (await register(WORKER)).json();
    expect(worker.client_secret).toMatch(/^cs_/);
    expect(worker.client_id_expires_at).toBeGreaterThanOrEqual(before + 2 * DAY_S - 5);
    expect(worker.client_id_expires_at).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 2 * DAY_S + 5);
    expect(worker.client_secret_expires_at).toBe(worker.client_id_expires_at); // RFC 7591 §3.2.1
    const row = await db.client.findUnique({ where: { id: worker.client_id } });
    expect(row!.expiresAt!.getTime() / 1000).toBeCloseTo(worker.client_id_expires_at, -1);

    // A confidential client works at once; a public one registers without any token too.
    const config = await oidc.discovery(new URL(server.issuer), worker.client_id, undefined, oidc.ClientSecretBasic(worker.client_secret), { execute: [oidc.allowInsecureRequests] });
    expect((await oidc.clientCredentialsGrant(config)).access_token).toMatch(/^at_/);
    const spa = await register({ client_name: 'Public SPA', token_endpoint_auth_method: 'none', redirect_uris: ['https://spa.example.com/cb'] });
    expect(spa.status).toBe(201);
    expect(await spa.json()).toMatchObject({ token_endpoint_auth_method: 'none', client_id_expires_at: expect.any(Number) });

    // RFC 7592 management works for open registrations.
    const auth = { authorization: `Bearer ${worker.registration_access_token}` };
    const read = await fetch(worker.registration_client_uri, { headers: auth });
    expect(await read.json()).toMatchObject({ client_id: worker.client_id, client_id_expires_at: worker.client_id_expires_at });
    const updated = await fetch(worker.registration_client_uri, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ ...WORKER, client_id: worker.client_id, client_name: 'Worker 2' }),
    });
    expect(await updated.json()).toMatchObject({ client_name: 'Worker 2' });
  });

  it('treats an expired open registration as unknown, and clean-up deletes it and revokes its tokens', async () => {
    const worker = await (await register(WORKER)).json();
    const config = await oidc.discovery(new URL(server.issuer), worker.client_id, undefined, oidc.ClientSecretBasic(worker.client_secret), { execute: [oidc.allowInsecureRequests] });
    const { access_token } = await oidc.clientCredentialsGrant(config);

    // Time passes: the registration is past its expiry.
    const past = new Date(Date.now() - 1000);
    await db.client.update({ where: { id: worker.client_id }, data: { expiresAt: past } });
    const refused = await fetch(`${server.issuer}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${worker.client_id}:${worker.client_secret}`).toString('base64')}` },
      body: 'grant_type=client_credentials',
    });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toBe('invalid_client');
    const read = await fetch(worker.registration_client_uri, { headers: { authorization: `Bearer ${worker.registration_access_token}` } });
    expect(read.status).toBe(401);

    expect(await deleteExpiredClients(db, new Date())).toBe(1);
    expect(await db.client.findUnique({ where: { id: worker.client_id } })).toBeNull();
    const token = await db.token.findFirst({ where: { clientId: worker.client_id } });
    expect(token?.revokedAt).toBeInstanceOf(Date);
    expect(access_token).toMatch(/^at_/);
    expect(await deleteExpiredClients(db, new Date())).toBe(0);
  });

  it('goes back to the initial access token with writeSetting, and keeps the open lifetime', async () => {
    await writeSetting(db, 'registration', { mode: 'initial_access_token', openClientTtlDays: 2 });
    await eventually(async () => (await registrationStatus()) === 401);
    expect(await registrationStatus(INITIAL_TOKEN)).toBe(201);
    const created = await (await register(WORKER, INITIAL_TOKEN)).json();
    expect(created).not.toHaveProperty('client_id_expires_at');
    expect((await db.client.findUnique({ where: { id: created.client_id } }))!.expiresAt).toBeNull();
    const show = JSON.parse((await cli('settings', 'show', '--json')).stdout);
    expect(show).toMatchObject({ registration: { mode: 'initial_access_token', open_client_ttl_days: 2 }, registration_token_set: true });
  });

  it('limits open registrations per IP address (429 with Retry-After)', async () => {
    await cli('settings', 'registration', '--mode', 'open');
    await eventually(async () => (await registrationStatus()) !== 401);
    let last: Response | null = null;
    for (let i = 0; i < 70; i++) {
      last = await register({ client_name: `Flood ${i}`, redirect_uris: ['https://flood.example.com/cb'] });
      if (last.status === 429) break;
      await last.body?.cancel();
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await last!.json()).error).toBe('temporarily_unavailable');
  });
});
