/**
 * What an operator relies on, against the real server: security headers on every response (HSTS
 * for an https issuer, a per-request CSP nonce on pages), health and readiness probes, Prometheus
 * metrics on their own port, and JSON logs with a request id per request and no secrets in them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic } from '../api/api-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { makeClient, openDb } from '../support/fixtures.ts';
import { freePort, startServer, type RunningServer } from '../support/server.ts';

const TOKEN_LIMIT = 20;
const REGISTRATIONS_PER_HOUR = 60;

describe('operating the server', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let base: string;
  let metricsPort: number;
  let svc: { id: string; secret: string };

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    metricsPort = await freePort();
    // TLS ends at the balancer: the server speaks http, its public issuer is https.
    server = await startServer(database, {
      PORTICO_ISSUER: 'https://id.example.com',
      PORTICO_METRICS_PORT: String(metricsPort),
      PORTICO_TOKEN_RATE_LIMIT: String(TOKEN_LIMIT),
      PORTICO_REGISTRATION_TOKEN: 'initial-access-token-0123456789abcdefghijkl',
    });
    base = `http://127.0.0.1:${server.port}`;
    const db = await openDb(database.url);
    const created = await makeClient(db, { name: 'svc', type: 'service', redirectUris: [] });
    svc = { id: created.id, secret: created.secret! };
    await db.$disconnect();
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('sends HSTS, nosniff and no-referrer everywhere, and a fresh CSP nonce on each page', async () => {
    for (const path of ['/.well-known/openid-configuration', '/login', '/oauth/authorize?client_id=nope']) {
      const res = await fetch(`${base}${path}`, { redirect: 'manual' });
      expect(res.headers.get('strict-transport-security'), path).toBe('max-age=31536000');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    const nonceOf = async () => {
      const res = await fetch(`${base}/login`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/frame-ancestors 'none'/);
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      const html = await res.text();
      expect(html).toContain(`nonce="${nonce}"`);
      return nonce;
    };
    const first = await nonceOf();
    expect(first).toBeTruthy();
    expect(await nonceOf()).not.toBe(first);
  });

  it('answers /healthz and /readyz', async () => {
    const live = await fetch(`${base}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', checks: { database: 'ok', signingKeys: 'ok' } });
  });

  it('serves metrics on the metrics port only', async () => {
    await fetch(`${base}/oauth/token`, {
      method: 'POST',
      headers: { authorization: basic(svc.id, svc.secret), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(text).toMatch(/portico_http_requests_total\{route="token",method="POST",status="200"\} \d+/);
    expect(text).toContain('process_cpu_seconds_total');
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
  });

  it('logs one JSON line per request with its request id, and never a secret', async () => {
    const res = await fetch(`${base}/oauth/token`, {
      method: 'POST',
      headers: { authorization: basic(svc.id, svc.secret), 'content-type': 'application/x-www-form-urlencoded', 'x-request-id': 'trace-42' },
      body: 'grant_type=client_credentials',
    });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    const token = (await res.json()).access_token as string;
    await fetch(`${base}/oauth/userinfo?access_token=${token}`);
    await new Promise((r) => setTimeout(r, 200));
    const lines = server.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(lines.find((l) => l.requestId === 'trace-42')).toMatchObject({ method: 'POST', path: '/oauth/token', status: 200, route: 'token' });
    const output = server.output();
    expect(output).not.toContain(svc.secret);
    expect(output).not.toContain(token);
  });

  it('answers 429 with Retry-After past a client\'s token budget', async () => {
    await new Promise((r) => setTimeout(r, 1100)); // a fresh one-second window
    const issue = () =>
      fetch(`${base}/oauth/token`, {
        method: 'POST',
        headers: { authorization: basic(svc.id, svc.secret), 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
    const answers = await Promise.all(Array.from({ length: 2 * TOKEN_LIMIT }, issue));
    const refused = answers.filter((r) => r.status === 429);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(TOKEN_LIMIT);
    expect(refused).toHaveLength(TOKEN_LIMIT);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused[0]!.json()).toMatchObject({ error: 'temporarily_unavailable' });
  });

  it('answers 429 past the registrations one address may attempt in an hour', async () => {
    const register = () => fetch(`${base}/oauth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    for (let i = 0; i < REGISTRATIONS_PER_HOUR; i++) expect((await register()).status).toBe(401); // no initial access token
    const refused = await register();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
  });

  it('restarts the web process if it dies, while the protocol endpoints go on answering', async () => {
    const started = () =>
      server.output().split('\n').filter((l) => l.includes('"web process started"')).map((l) => JSON.parse(l).pid as number);
    const [first] = started();
    expect(first).toBeGreaterThan(0);
    process.kill(first!, 'SIGKILL');
    expect((await fetch(`${base}/.well-known/openid-configuration`)).status).toBe(200);
    const deadline = Date.now() + 45_000;
    let status = 0;
    while (Date.now() < deadline && (status = (await fetch(`${base}/login`)).status) !== 200) await new Promise((r) => setTimeout(r, 250));
    expect(status).toBe(200);
    expect(started()).toHaveLength(2);
  });
});
