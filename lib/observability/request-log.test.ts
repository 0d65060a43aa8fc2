import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stampClientIp } from '../server/client-ip.ts';
import { isHealthPath, serveHealth } from './health.ts';
import { createLogger } from './logger.ts';
import { createMetrics, type RouteLabel } from './metrics.ts';
import { startMetricsServer, type MetricsServer } from './metrics-server.ts';
import { createRequestObserver } from './request-log.ts';

// A server routed the way lib/server/http-server.ts routes, watched by the real observer.
const lines: Record<string, unknown>[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});
const metrics = createMetrics();
const observe = createRequestObserver(createLogger('debug', logStream), metrics);
const ROUTES: Record<string, RouteLabel> = { '/oauth/token': 'token', '/.well-known/jwks.json': 'jwks' };

let server: Server;
let base: string;
let metricsServer: MetricsServer;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    stampClientIp(req, 0);
    const route = ROUTES[path] ?? (isHealthPath(path) ? 'health' : 'next');
    observe(req, res, route);
    if (route === 'health') return void serveHealth(req, res, path, {});
    if (path === '/hang') return; // never answers: the client gives up
    res.writeHead(path === '/fail' ? 500 : 200, { 'content-type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  metricsServer = await startMetricsServer(metrics, 0, '127.0.0.1');
});
afterAll(async () => {
  await metricsServer?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function logLineFor(requestId: string) {
  for (let i = 0; i < 100 && !lines.some((l) => l.requestId === requestId); i++) await new Promise((r) => setTimeout(r, 10));
  return lines.filter((l) => l.requestId === requestId);
}

describe('the request id', () => {
  it('echoes a safe incoming X-Request-Id', async () => {
    const res = await fetch(`${base}/oauth/token`, { method: 'POST', headers: { 'x-request-id': 'lb-7f3a.trace:42_x' } });
    expect(res.headers.get('x-request-id')).toBe('lb-7f3a.trace:42_x');
    expect(await logLineFor('lb-7f3a.trace:42_x')).toHaveLength(1);
  });

  it('is a fresh UUID when none is sent, different per request', async () => {
    const [a, b] = await Promise.all([fetch(`${base}/`), fetch(`${base}/`)]);
    expect(a.headers.get('x-request-id')).toMatch(UUID);
    expect(b.headers.get('x-request-id')).toMatch(UUID);
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
  });

  it('replaces an unsafe or oversized incoming id instead of echoing it', async () => {
    for (const unsafe of ['<script>alert(1)</script>', 'id with spaces', 'x'.repeat(65), 'a/b', '']) {
      const res = await fetch(`${base}/`, { headers: { 'x-request-id': unsafe } });
      expect(res.headers.get('x-request-id'), unsafe).toMatch(UUID);
    }
    const twice = new Headers([['x-request-id', 'one'], ['x-request-id', 'two']]);
    expect((await fetch(`${base}/`, { headers: twice })).headers.get('x-request-id')).toMatch(UUID);
  });
});

describe('the request log line', () => {
  it('is written once per request with method, path without the query, status, duration, id and client IP', async () => {
    const code = `ac_${randomBytes(32).toString('base64url')}`;
    const res = await fetch(`${base}/callback/page?code=${code}&state=xyz`, { headers: { 'x-request-id': 'line-1' } });
    await res.text();
    const [line, ...more] = await logLineFor('line-1');
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'GET', path: '/callback/page', route: 'next', status: 200, clientIp: '127.0.0.1' });
    expect(line!.durationMs).toBeGreaterThanOrEqual(0);
    // The same shape as every other line the logger writes.
    expect(line).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(new Date(line!.time as string).toISOString()).toBe(line!.time);
    expect(JSON.stringify(lines)).not.toContain(code);
  });

  it('hides a secret carried in the path itself', async () => {
    const invitation = `inv_${randomBytes(32).toString('base64url')}`;
    await (await fetch(`${base}/invitations/${invitation}`, { headers: { 'x-request-id': 'line-2' } })).text();
    expect((await logLineFor('line-2'))[0]).toMatchObject({ path: '/invitations/inv_[redacted]' });
    expect(JSON.stringify(lines)).not.toContain(invitation);
  });

  it('is a warning for a server error, and records a request the client abandoned', async () => {
    await (await fetch(`${base}/fail`, { headers: { 'x-request-id': 'line-3' } })).text();
    expect((await logLineFor('line-3'))[0]).toMatchObject({ level: 'warn', status: 500 });
    await expect(fetch(`${base}/hang`, { headers: { 'x-request-id': 'line-4' }, signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect((await logLineFor('line-4'))[0]).toMatchObject({ level: 'info', path: '/hang', aborted: true });
  });
});

describe('the metrics', () => {
  it('count every request under a bounded route label, never the raw path', async () => {
    await Promise.all([
      fetch(`${base}/oauth/token`, { method: 'POST' }).then((r) => r.text()),
      fetch(`${base}/.well-known/jwks.json`).then((r) => r.text()),
      fetch(`${base}/healthz`).then((r) => r.text()),
      fetch(`${base}/some/unique/path/${randomBytes(8).toString('hex')}`).then((r) => r.text()),
      fetch(`${base}/`, { method: 'PROPFIND' }).then((r) => r.text()),
    ]);
    const res = await fetch(`http://127.0.0.1:${metricsServer.port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/^portico_http_requests_total\{route="token",method="POST",status="200"\} \d+$/m);
    expect(text).toMatch(/^portico_http_requests_total\{route="jwks",method="GET",status="200"\} 1$/m);
    expect(text).toMatch(/^portico_http_requests_total\{route="health",method="GET",status="200"\} 1$/m);
    expect(text).toMatch(/^portico_http_requests_total\{route="next",method="other",status="200"\} 1$/m);
    expect(text).toMatch(/^portico_http_requests_total\{route="next",method="GET",status="aborted"\} 1$/m);
    expect(text).toMatch(/^portico_http_request_duration_seconds_count\{route="token",method="POST"\} \d+$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    const routes = new Set([...text.matchAll(/route="([^"]*)"/g)].map((m) => m[1]));
    expect([...routes].sort()).toEqual(['health', 'jwks', 'next', 'token']);
    expect(text).not.toContain('/some/unique');
  });

  it('are served at GET /metrics on their own listener only', async () => {
    const at = (path: string, method = 'GET') => fetch(`http://127.0.0.1:${metricsServer.port}${path}`, { method }).then((r) => r.status);
    expect(await at('/')).toBe(404);
    expect(await at('/metrics', 'POST')).toBe(404);
    expect(await at('/metrics/x')).toBe(404);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
