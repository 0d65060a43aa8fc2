// lib/db on PostgreSQL: migrateDatabase creates the database, applies the
// committed migrations as `prisma migrate deploy` records them (the CLI agrees
// afterwards), waits on Prisma's advisory lock, and the client runs real
// queries. Each run uses its own database, dropped WITH (FORCE) at the end.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../lib/db/client.ts';
import { migrateDatabase } from '../../lib/db/migrate.ts';
import {
  MODEL_TABLES,
  POSTGRES_BASE_URL,
  ROOT,
  committedMigrations,
  dropPostgresDatabase,
  postgresDatabasesLike,
  postgresUrl,
  prismaCli,
  randomDatabaseName,
  withPostgres,
} from './helpers.ts';

interface HistoryRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('PostgreSQL', () => {
  const name = randomDatabaseName();
  const url = postgresUrl(name);
  const history = () =>
    withPostgres(async (client) => (await client.query<HistoryRow>('SELECT * FROM _prisma_migrations ORDER BY started_at')).rows, url);

  beforeAll(async () => {
    try {
      await withPostgres(async (client) => client.query('SELECT 1'));
    } catch (error) {
      throw new Error(`These tests need PostgreSQL at ${POSTGRES_BASE_URL} (set TEST_POSTGRES_URL): ${(error as Error).message}`);
    }
  });
  afterAll(async () => {
    await dropPostgresDatabase(name);
  });

  it('creates the database and applies the migrations in Prisma\'s format, idempotently', async () => {
    expect(await postgresDatabasesLike(name)).toEqual([]);
    await migrateDatabase(url);

    const tables = await withPostgres(
      async (client) =>
        (await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows.map((row) => row.tablename),
      url,
    );
    expect(tables.sort()).toEqual([...MODEL_TABLES, '_prisma_migrations'].sort());
    const rows = await history();
    expect(rows.map((row) => row.migration_name)).toEqual(committedMigrations('postgres'));
    for (const row of rows) {
      expect(row.checksum).toBe(sha256(join(ROOT, 'prisma', 'postgres', 'migrations', row.migration_name, 'migration.sql')));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row).toMatchObject({ logs: null, rolled_back_at: null, applied_steps_count: 1 });
    }

    await migrateDatabase(url);
    expect(await history()).toEqual(rows);
  });

  it('is what `prisma migrate status` and `migrate diff` expect, and leaves no shadow database', async () => {
    const status = await prismaCli('postgres', url, ['migrate', 'status']);
    expect(status.stdout).toContain('Database schema is up to date!');
    expect(status.code).toBe(0);
    const drift = await prismaCli('postgres', url, [
      'migrate',
      'diff',
      '--from-config-datasource',
      '--to-schema',
      'prisma/postgres/schema.prisma',
      '--exit-code',
    ]);
    expect(drift.stdout).toContain('No difference detected');
    expect(drift.code).toBe(0);
    expect(await postgresDatabasesLike('prisma_migrate_shadow_db_%')).toEqual([]);
  });

  it('runs real queries through createPrismaClient', async () => {
    const db = await createPrismaClient(url);
    try {
      await db.user.create({ data: { id: 'u1', email: 'grace@example.com', passwordHash: 'x', name: 'Grace' } });
      const user = await db.user.findUnique({ where: { email: 'grace@example.com' } });
      expect(user).toMatchObject({ id: 'u1', name: 'Grace', emailVerified: false });
      expect(user?.createdAt).toBeInstanceOf(Date);
      await expect(db.user.create({ data: { id: 'u2', email: 'grace@example.com', passwordHash: 'y' } })).rejects.toMatchObject({
        code: 'P2002',
      });
    } finally {
      await db.$disconnect();
    }
  });

  it('supports `migrate dev` on a fresh database through the shim', async () => {
    const fresh = randomDatabaseName();
    try {
      const before = committedMigrations('postgres');
      const dev = await prismaCli('postgres', postgresUrl(fresh), ['migrate', 'dev', '--name', 'nothing_to_do']);
      expect(dev.stdout + dev.stderr).toContain('Your database is now in sync with your schema.');
      expect(dev.code).toBe(0);
      expect(committedMigrations('postgres')).toEqual(before);
      expect(await postgresDatabasesLike('prisma_migrate_shadow_db_%')).toEqual([]);
    } finally {
      await dropPostgresDatabase(fresh);
    }
  });

  it('waits for whoever holds Prisma\'s migration advisory lock', async () => {
    const other = randomDatabaseName();
    const otherUrl = postgresUrl(other);
    await withPostgres((client) => client.query(`CREATE DATABASE "${other}"`));
    const holder = new pg.Client({ connectionString: otherUrl });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(72707369)');
      let done = false;
      const migrating = migrateDatabase(otherUrl).then(() => (done = true));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(done).toBe(false);
      await holder.query('SELECT pg_advisory_unlock(72707369)');
      await migrating;
      const rows = await withPostgres(async (client) => (await client.query('SELECT migration_name FROM _prisma_migrations')).rows, otherUrl);
      expect(rows).toHaveLength(committedMigrations('postgres').length);
    } finally {
      await holder.end();
      await dropPostgresDatabase(other);
    }
  });

  it('reports an unreachable server in one readable sentence', async () => {
    await expect(migrateDatabase('postgresql://postgres@127.0.0.1:1/nothing')).rejects.toThrow(
      /^Cannot reach PostgreSQL at 127\.0\.0\.1:1\/nothing \(ECONNREFUSED\)/,
    );
  });
});
