import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type Db } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createStores } from '../db/stores/index.ts';
import { KeyRing } from '../oidc/keys.ts';
import { databaseCheck, serveHealth, signingKeysCheck, type ReadinessChecks } from './health.ts';

const SECRET = 'health-test-secret-0123456789abcdefghij';
let dataDir: string;
let sqlite: Db;
let keys: KeyRing;
let closedPortDb: Db;
let silentDb: Db;
let silentPostgres: ReturnType<typeof createTcpServer>;
const silentSockets: Socket[] = [];

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'portico-health-'));
  const url = `file:${path.join(dataDir, 'portico.db')}`;
  await migrateDatabase(url);
  sqlite = await createPrismaClient(url);
  keys = new KeyRing(createStores(sqlite).keys, SECRET, () => new Date());
  closedPortDb = await createPrismaClient(`postgresql://portico@127.0.0.1:${await closedPort()}/portico`);
  // A "PostgreSQL" that accepts connections and never answers: the check must give up on time.
  silentPostgres = createTcpServer((socket) => void silentSockets.push(socket));
  await new Promise<void>((resolve) => silentPostgres.listen(0, '127.0.0.1', resolve));
  silentDb = await createPrismaClient(`postgresql://portico@127.0.0.1:${(silentPostgres.address() as AddressInfo).port}/portico`);
});
afterAll(async () => {
  await sqlite?.$disconnect();
  await closedPortDb?.$disconnect().catch(() => {});
  for (const socket of silentSockets) socket.destroy();
  silentPostgres?.close();
  void silentDb?.$disconnect().catch(() => {});
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Serves /healthz and /readyz with `checks` on a real server, as http-server.ts does. */
async function probe(checks: ReadinessChecks, path: string, init: RequestInit = {}, timeoutMs?: number) {
  const failures: [string, unknown][] = [];
  const server: Server = createServer((req, res) => void serveHealth(req, res, path, checks, { timeoutMs, onFailure: (c, e) => failures.push([c, e]) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const started = Date.now();
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, init);
    const text = await res.text();
    return { status: res.status, text, body: text ? JSON.parse(text) : null, res, failures, ms: Date.now() - started };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('/healthz', () => {
  it('is 200 {"status":"ok"} while the process serves, whatever the dependencies', async () => {
    const { status, body, res } = await probe({ database: databaseCheck(closedPortDb) }, '/healthz');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers only GET and HEAD', async () => {
    const { status, res } = await probe({}, '/healthz', { method: 'POST' });
    expect(status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('/readyz', () => {
  it('is 200 when the database answers and the signing keys are loaded', async () => {
    await keys.ensureKeys();
    const { status, body } = await probe({ database: databaseCheck(sqlite), signingKeys: signingKeysCheck(keys) }, '/readyz');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', checks: { database: 'ok', signingKeys: 'ok' } });
  });

  it('is 503 naming the database when PostgreSQL cannot be reached, with no error text, and logs why', async () => {
    const { status, body, text, failures } = await probe({ database: databaseCheck(closedPortDb), signingKeys: signingKeysCheck(keys) }, '/readyz');
    expect(status).toBe(503);
    expect(body).toEqual({ status: 'unavailable', failed: ['database'], checks: { database: 'failed', signingKeys: 'ok' } });
    expect(text).not.toMatch(/reach|127\.0\.0\.1|Error|at /);
    expect(failures).toHaveLength(1);
    expect(failures[0]![0]).toBe('database');
    expect(String((failures[0]![1] as Error).message)).toMatch(/reach database server/i);
  });

  it('is 503 "timed out" when the database does not answer within the timeout', async () => {
    const { status, body, ms } = await probe({ database: databaseCheck(silentDb) }, '/readyz', {}, 300);
    expect(status).toBe(503);
    expect(body).toEqual({ status: 'unavailable', failed: ['database'], checks: { database: 'timed out' } });
    expect(ms).toBeLessThan(2000);
  });

  it('is 503 naming the signing keys when none are loaded', async () => {
    const emptyDir = mkdtempSync(path.join(tmpdir(), 'portico-health-nokeys-'));
    const url = `file:${path.join(emptyDir, 'portico.db')}`;
    await migrateDatabase(url);
    const db = await createPrismaClient(url);
    try {
      const noKeys = new KeyRing(createStores(db).keys, SECRET, () => new Date());
      const { status, body } = await probe({ database: databaseCheck(db), signingKeys: signingKeysCheck(noKeys) }, '/readyz');
      expect(status).toBe(503);
      expect(body).toEqual({ status: 'unavailable', failed: ['signingKeys'], checks: { database: 'ok', signingKeys: 'failed' } });
    } finally {
      await db.$disconnect();
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});
