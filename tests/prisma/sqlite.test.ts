// lib/db on SQLite: migrateDatabase applies the committed migrations the way
// `prisma migrate deploy` records them (the CLI agrees afterwards), waits for
// another process that is migrating, and the client runs real queries.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient, databaseKind } from '../../lib/db/client.ts';
import { MigrationError, migrateDatabase } from '../../lib/db/migrate.ts';
import { MODEL_TABLES, ROOT, committedMigrations, prismaCli, tempDir } from './helpers.ts';

interface HistoryRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: string | null;
  rolled_back_at: string | null;
  logs: string | null;
  applied_steps_count: number;
}

function readDatabase(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
      (row) => row.name,
    );
    const history = tables.includes('_prisma_migrations')
      ? (db.prepare('SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name').all() as HistoryRow[])
      : [];
    return { tables, history };
  } finally {
    db.close();
  }
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('SQLite', () => {
  const dir = tempDir('portico-sqlite-');
  afterAll(() => dir.remove());

  it('databaseKind tells the variants apart and rejects other URLs clearly', () => {
    expect(databaseKind('file:./data/portico.db')).toBe('sqlite');
    expect(databaseKind('postgresql://u@h/db')).toBe('postgres');
    expect(databaseKind('postgres://u@h/db')).toBe('postgres');
    expect(() => databaseKind('mysql://u@h/db')).toThrow(/Unsupported DATABASE_URL \("mysql:"\)/);
  });

  it('migrates a fresh file in Prisma\'s format, idempotently, and `migrate status` agrees', async () => {
    const path = join(dir.path, 'fresh', 'portico.db');
    const url = `file:${path}`;
    await migrateDatabase(url);

    const first = readDatabase(path);
    expect(first.tables.sort()).toEqual([...MODEL_TABLES, '_prisma_migrations'].sort());
    const names = committedMigrations('sqlite');
    expect(first.history.map((row) => row.migration_name)).toEqual(names);
    for (const row of first.history) {
      expect(row.checksum).toBe(sha256(join(ROOT, 'prisma', 'migrations', row.migration_name, 'migration.sql')));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
      expect(row).toMatchObject({ logs: null, rolled_back_at: null, applied_steps_count: 1 });
    }

    await migrateDatabase(url);
    expect(readDatabase(path).history).toEqual(first.history);

    const status = await prismaCli('sqlite', url, ['migrate', 'status']);
    expect(status.stdout).toContain('Database schema is up to date!');
    expect(status.code).toBe(0);
    const drift = await prismaCli('sqlite', url, ['migrate', 'diff', '--from-config-datasource', '--to-schema', 'prisma/schema.prisma', '--exit-code']);
    expect(drift.stdout).toContain('No difference detected');
    expect(drift.code).toBe(0);
  });

  it('takes over a database migrated by `prisma migrate deploy` without touching it', async () => {
    const url = `file:${join(dir.path, 'by-cli.db')}`;
    const deploy = await prismaCli('sqlite', url, ['migrate', 'deploy']);
    expect(deploy.code).toBe(0);
    const before = readDatabase(join(dir.path, 'by-cli.db')).history;
    expect(before).toHaveLength(committedMigrations('sqlite').length);
    await migrateDatabase(url);
    expect(readDatabase(join(dir.path, 'by-cli.db')).history).toEqual(before);
  });

  it('supports `migrate dev` on a fresh database and `migrate reset` through the shim', async () => {
    const path = join(dir.path, 'dev.db');
    const url = `file:${path}`;
    const before = committedMigrations('sqlite');
    const dev = await prismaCli('sqlite', url, ['migrate', 'dev', '--name', 'nothing_to_do']);
    expect(dev.stdout + dev.stderr).toContain('Your database is now in sync with your schema.');
    expect(dev.code).toBe(0);
    expect(committedMigrations('sqlite')).toEqual(before);

    const db = new Database(path);
    db.prepare("INSERT INTO \"User\" (id, email, passwordHash, updatedAt) VALUES ('u', 'u@example.com', 'x', 0)").run();
    db.exec('CREATE VIEW stray AS SELECT 1');
    db.close();
    const reset = await prismaCli('sqlite', url, ['migrate', 'reset', '--force']);
    expect(reset.code).toBe(0);
    const after = readDatabase(path);
    expect(after.tables.sort()).toEqual([...MODEL_TABLES, '_prisma_migrations'].sort());
    expect(after.history.map((row) => row.migration_name)).toEqual(before);
    const check = new Database(path, { readonly: true });
    expect(check.prepare('SELECT count(*) AS n FROM "User"').get()).toEqual({ n: 0 });
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'stray'").get()).toEqual({ n: 0 });
    check.close();
    expect(existsSync(`${path}-journal`)).toBe(false);
  });

  it('runs real queries through createPrismaClient, with the connection pragmas set', async () => {
    const url = `file:${join(dir.path, 'client.db')}`;
    await migrateDatabase(url);
    const db = await createPrismaClient(url);
    try {
      await db.user.create({ data: { id: 'u1', email: 'ada@example.com', passwordHash: 'x', name: 'Ada' } });
      const user = await db.user.findUnique({ where: { email: 'ada@example.com' } });
      expect(user).toMatchObject({ id: 'u1', name: 'Ada', isAdmin: false });
      expect(user?.createdAt).toBeInstanceOf(Date);
      const pragmas = await db.$queryRawUnsafe<Array<Record<string, unknown>>>(
        'SELECT (SELECT journal_mode FROM pragma_journal_mode) AS journal, (SELECT synchronous FROM pragma_synchronous) AS sync, (SELECT foreign_keys FROM pragma_foreign_keys) AS fk, (SELECT timeout FROM pragma_busy_timeout) AS busy',
      );
      expect(pragmas[0]).toMatchObject({ journal: 'wal' });
      expect(Number(pragmas[0]?.sync)).toBe(1); // NORMAL
      expect(Number(pragmas[0]?.fk)).toBe(1);
      expect(Number(pragmas[0]?.busy)).toBe(5000);
    } finally {
      await db.$disconnect();
    }
  });

  it('waits while another process holds the write lock, then migrates once', async () => {
    const path = join(dir.path, 'locked.db');
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    const script = join(dir.path, 'migrate-child.mts');
    const started = join(dir.path, 'child-started');
    writeFileSync(
      script,
      [
        `import { writeFileSync } from 'node:fs';`,
        `import { migrateDatabase } from ${JSON.stringify(join(ROOT, 'lib', 'db', 'migrate.ts'))};`,
        `writeFileSync(${JSON.stringify(started)}, '');`,
        `await migrateDatabase(${JSON.stringify(`file:${path}`)});`,
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let done = false;
    void exited.then(() => (done = true));
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    for (let waited = 0; !existsSync(started) && !done && waited < 30_000; waited += 50) await sleep(50);
    await sleep(1000);
    expect(done).toBe(false);
    expect(readDatabase(path).tables).toEqual([]);
    holder.exec('COMMIT');
    holder.close();
    expect(await exited).toBe(0);
    await migrateDatabase(`file:${path}`); // and a second comer finds nothing to do
    expect(readDatabase(path).history.map((row) => row.migration_name)).toEqual(committedMigrations('sqlite'));
  });

  it('rolls a failing migration back whole and says which one failed', async () => {
    const project = join(dir.path, 'project');
    mkdirSync(join(project, 'prisma'), { recursive: true });
    cpSync(join(ROOT, 'prisma', 'migrations'), join(project, 'prisma', 'migrations'), { recursive: true });
    mkdirSync(join(project, 'prisma', 'migrations', '29991231000000_broken'));
    writeFileSync(
      join(project, 'prisma', 'migrations', '29991231000000_broken', 'migration.sql'),
      'CREATE TABLE "Half" ("id" TEXT NOT NULL PRIMARY KEY);\nALTER TABLE "Nowhere" ADD COLUMN "x" TEXT;\n',
    );
    const path = join(dir.path, 'broken.db');
    const attempt = migrateDatabase(`file:${path}`, { projectRoot: project });
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(/Migration 29991231000000_broken failed on SQLite: no such table: Nowhere/);

    const { tables, history } = readDatabase(path);
    expect(tables).not.toContain('Half');
    expect(tables).toContain('User');
    const broken = history.find((row) => row.migration_name === '29991231000000_broken');
    expect(broken).toMatchObject({ finished_at: null, applied_steps_count: 0 });
    expect(broken?.rolled_back_at).not.toBeNull();
    expect(broken?.logs).toMatch(/Nowhere/);
  });

  it('keeps every row, and the rows that point at them, through migrations that rebuild tables', async () => {
    // SQLite rebuilds a table to drop or change a column (the "RedefineTables" steps): with foreign
    // keys on, dropping the old User table would cascade-delete consents, memberships and tokens.
    const all = committedMigrations('sqlite');
    const project = join(dir.path, 'upgrade');
    mkdirSync(join(project, 'prisma', 'migrations'), { recursive: true });
    cpSync(join(ROOT, 'prisma', 'migrations', 'migration_lock.toml'), join(project, 'prisma', 'migrations', 'migration_lock.toml'));
    const before = all.slice(0, all.findIndex((name) => name.endsWith('_sessions_two_factor')));
    for (const name of before) cpSync(join(ROOT, 'prisma', 'migrations', name), join(project, 'prisma', 'migrations', name), { recursive: true });
    const path = join(dir.path, 'upgrade.db');
    await migrateDatabase(`file:${path}`, { projectRoot: project });

    const db = new Database(path);
    const now = new Date().toISOString();
    db.exec(`INSERT INTO "User" (id, email, passwordHash, updatedAt) VALUES ('u1', 'ada@example.com', 'h', '${now}')`);
    db.exec(`INSERT INTO "Team" (id, name) VALUES ('t1', 'Ada''s team')`);
    db.exec(`INSERT INTO "TeamMember" (teamId, userId, role) VALUES ('t1', 'u1', 'owner')`);
    db.exec(
      `INSERT INTO "Client" (id, name, type, tokenEndpointAuthMethod, redirectUris, postLogoutRedirectUris, grantTypes, scope, teamId, updatedAt)
       VALUES ('c1', 'Notes', 'web', 'client_secret_basic', '[]', '[]', '["authorization_code"]', 'openid', 't1', '${now}')`,
    );
    db.exec(`INSERT INTO "Consent" (userId, clientId, scope, updatedAt) VALUES ('u1', 'c1', 'openid', '${now}')`);
    db.exec(`INSERT INTO "EmailToken" (id, userId, purpose, tokenHash, expiresAt) VALUES ('e1', 'u1', 'verify_email', 'x', '${now}')`);
    db.close();

    await migrateDatabase(`file:${path}`);
    const after = new Database(path, { readonly: true });
    try {
      const count = (table: string) => (after.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      expect(['User', 'Team', 'TeamMember', 'Client', 'Consent', 'EmailToken'].map(count)).toEqual([1, 1, 1, 1, 1, 1]);
      expect(after.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      expect(after.prepare('SELECT verified FROM "Client"').get()).toEqual({ verified: 0 });
    } finally {
      after.close();
    }
  });

  it('refuses a database that has tables but no migration history', async () => {
    const path = join(dir.path, 'unmanaged.db');
    const db = new Database(path);
    db.exec('CREATE TABLE legacy (id INTEGER)');
    db.close();
    await expect(migrateDatabase(`file:${path}`)).rejects.toThrow(/not empty.*P3005/);
  });
});
