/**
 * safeFetch against a real self-signed https server on 127.0.0.1 (allow-listed by host:port), and
 * against substituted DNS answers for the refused ranges (no packet leaves for those: the check
 * comes before any connection).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeFetch, SafeFetchError, type ResolvedAddress } from './safe-fetch.ts';
import { json, startTlsServer, type TestTlsServer } from './test-support.ts';

let server: TestTlsServer;
beforeAll(async () => (server = await startTlsServer()));
afterAll(() => server?.close());

const allowed = () => ({ allowedHosts: [server.hostPort], ca: server.ca });
const dns = (...addresses: string[]) => async (): Promise<ResolvedAddress[]> => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

async function failure(promise: Promise<unknown>): Promise<SafeFetchError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SafeFetchError);
  return err as SafeFetchError;
}

describe('safeFetch', () => {
  it('fetches from an allow-listed host:port over TLS with the given CA', async () => {
    server.handle(json({ hello: 'world' }, { 'cache-control': 'max-age=60' }));
    const res = await safeFetch(`${server.origin}/doc.json`, allowed());
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString('utf8'))).toEqual({ hello: 'world' });
    expect(res.headers['cache-control']).toBe('max-age=60');
  });

  it('refuses 127.0.0.1 without the allow-list, and the allow-list is exact host:port', async () => {
    server.handle(json({}));
    const before = server.hits.length;
    expect((await failure(safeFetch(`${server.origin}/x`, { ca: server.ca }))).code).toBe('forbidden_address');
    expect((await failure(safeFetch(`${server.origin}/x`, { ca: server.ca, allowedHosts: [`127.0.0.1:${server.port + 1}`] }))).code).toBe('forbidden_address');
    expect((await failure(safeFetch(`https://localhost:${server.port}/x`, { ca: server.ca, allowedHosts: [server.hostPort] }))).code).toBe('forbidden_address');
    expect(server.hits.length).toBe(before);
  });

  it.each([
    ['loopback', '127.0.0.1'],
    ['private 10/8', '10.0.0.5'],
    ['private 172.16/12', '172.20.1.1'],
    ['private 192.168/16', '192.168.0.10'],
    ['link-local', '169.254.10.10'],
    ['cloud metadata', '169.254.169.254'],
    ['CGNAT', '100.64.3.4'],
    ['this network', '0.0.0.0'],
    ['multicast', '224.0.0.251'],
    ['IPv6 loopback', '::1'],
    ['IPv6 unique local', 'fd00::1'],
    ['IPv6 link-local', 'fe80::1'],
    ['IPv6 multicast', 'ff02::1'],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
    ['IPv4-mapped private', '::ffff:10.0.0.1'],
    ['IPv4-mapped metadata', '::ffff:169.254.169.254'],
    ['IPv4-mapped CGNAT', '::ffff:100.64.0.1'],
  ])('refuses a host that resolves to %s (%s)', async (_name, address) => {
    const err = await failure(safeFetch('https://client.example/doc', { resolve: dns(address) }));
    expect(err.code).toBe('forbidden_address');
    expect(err.message).toContain(address);
  });

  it.each([
    'https://127.0.0.1/x',
    'https://[::1]/x',
    'https://[::ffff:127.0.0.1]/x',
    'https://169.254.169.254/latest/meta-data/',
    'https://2130706433/x', // 127.0.0.1 as one number
    'https://0x7f.1/x',
    'https://10.1/x',
    'https://[fe80::1]/x',
    'https://0.0.0.0/x',
  ])('refuses the literal address in %s without resolving', async (url) => {
    let resolved = false;
    const err = await failure(safeFetch(url, { resolve: async () => ((resolved = true), []) }));
    expect(err.code).toBe('forbidden_address');
    expect(resolved).toBe(false);
  });

  it('refuses a mixed answer when any address is special', async () => {
    expect((await failure(safeFetch('https://client.example/doc', { resolve: dns('93.184.215.14', '10.0.0.1') }))).code).toBe('forbidden_address');
  });

  it('connects to the checked address: the name is never resolved a second time (no DNS rebinding)', async () => {
    server.handle(json({ pinned: true }));
    let calls = 0;
    // metadata.test exists in no DNS: the only answer is ours, and the socket must use it.
    const resolve = async (): Promise<ResolvedAddress[]> => (calls++ === 0 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.9.9.9', family: 4 }]);
    const res = await safeFetch(`https://metadata.test:${server.port}/pinned`, { allowedHosts: [`metadata.test:${server.port}`], ca: server.ca, resolve });
    expect(JSON.parse(res.body.toString())).toEqual({ pinned: true });
    expect(calls).toBe(1);
    expect(server.hits.at(-1)).toBe('/pinned');
  });

  it('verifies the certificate (an unknown CA fails even when allow-listed)', async () => {
    const err = await failure(safeFetch(`${server.origin}/x`, { allowedHosts: [server.hostPort] }));
    expect(err.code).toBe('network');
  });

  it('refuses http unless allowed, and other schemes always', async () => {
    expect((await failure(safeFetch('http://client.example/doc', { resolve: dns('93.184.215.14') }))).code).toBe('scheme');
    expect((await failure(safeFetch('ftp://client.example/doc'))).code).toBe('scheme');
    expect((await failure(safeFetch('file:///etc/passwd', { allowHttp: true }))).code).toBe('scheme');
    expect((await failure(safeFetch('http://127.0.0.1/doc', { allowHttp: true }))).code).toBe('forbidden_address');
    expect((await failure(safeFetch('https://user:pw@client.example/doc'))).code).toBe('invalid_url');
    expect((await failure(safeFetch('not a url'))).code).toBe('invalid_url');
  });

  it('refuses redirects without following them', async () => {
    for (const status of [301, 302, 303, 307, 308]) {
      server.handle((_req, res) => {
        res.writeHead(status, { location: '/elsewhere' });
        res.end();
      });
      const before = server.hits.length;
      const err = await failure(safeFetch(`${server.origin}/moved`, allowed()));
      expect(err.code).toBe('redirect');
      expect(server.hits.length).toBe(before + 1);
    }
  });

  it('refuses a body over the cap, declared or streamed', async () => {
    server.handle(json({ pad: 'x'.repeat(2000) }));
    expect((await failure(safeFetch(`${server.origin}/big`, { ...allowed(), maxBytes: 1000 }))).code).toBe('too_large');
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }); // chunked: no Content-Length
      for (let i = 0; i < 20; i++) res.write('x'.repeat(100));
      res.end();
    });
    expect((await failure(safeFetch(`${server.origin}/chunked`, { ...allowed(), maxBytes: 1000 }))).code).toBe('too_large');
    expect((await safeFetch(`${server.origin}/chunked`, { ...allowed(), maxBytes: 2000 })).body.length).toBe(2000);
  });

  it('gives up at the deadline, also when the body trickles', async () => {
    server.handle(() => {}); // never answers
    const started = Date.now();
    expect((await failure(safeFetch(`${server.origin}/slow`, { ...allowed(), timeoutMs: 300 }))).code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    });
    expect((await failure(safeFetch(`${server.origin}/trickle`, { ...allowed(), timeoutMs: 300 }))).code).toBe('timeout');
  });

  it('times out a DNS answer that never comes', async () => {
    const err = await failure(safeFetch('https://client.example/doc', { timeoutMs: 200, resolve: () => new Promise(() => {}) }));
    expect(err.code).toBe('timeout');
  });

  it('lets the caller refuse a Content-Type before reading the body', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html></html>');
    });
    const acceptContentType = (type: string | null) => type?.startsWith('application/json') ?? false;
    expect((await failure(safeFetch(`${server.origin}/page`, { ...allowed(), acceptContentType }))).code).toBe('content_type');
  });

  it('returns other statuses for the caller to judge', async () => {
    server.handle((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{}');
    });
    expect((await safeFetch(`${server.origin}/missing`, allowed())).status).toBe(404);
  });

  it('reports an unresolvable host as a DNS failure', async () => {
    const err = await failure(safeFetch('https://client.example/doc', { resolve: async () => Promise.reject(new Error('ENOTFOUND')) }));
    expect(err.code).toBe('dns');
  });
});
