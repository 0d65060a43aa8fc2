/**
 * Test databases: a temporary SQLite file, or a fresh PostgreSQL database on the local server
 * (127.0.0.1:5432, trust auth) created per run and dropped afterwards, so runs never collide.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type DatabaseKind = 'sqlite' | 'postgres';
export type TestDatabase = { kind: DatabaseKind; url: string; dataDir: string; drop(): Promise<void> };

const PG_ADMIN = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' };

export const DATABASES: DatabaseKind[] = (process.env.PORTICO_TEST_DATABASES ?? 'sqlite,postgres').split(',') as DatabaseKind[];

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portico-test-'));
  if (kind === 'sqlite') {
    return { kind, url: `file:${path.join(dataDir, 'portico.db')}`, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `portico_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(PG_ADMIN);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    kind,
    url: `postgresql://postgres@127.0.0.1:5432/${name}`,
    dataDir,
    drop: async () => {
      const c = new pg.Client(PG_ADMIN);
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
