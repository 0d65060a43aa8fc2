// Applies the committed migrations at start-up, in process, writing
// `_prisma_migrations` exactly as `prisma migrate deploy` does, so that the
// migration directories and that table stay the truth and `prisma migrate
// status` agrees afterwards. Spawning the CLI costs ~1–2 s per start; this
// costs milliseconds (see docs/offline-prisma.md for the measurements).
//
// What Prisma writes, per migration: a row with a random UUID `id`, `checksum` =
// SHA-256 hex of migration.sql, `migration_name` = its directory, `started_at`;
// the script; then `applied_steps_count` + 1 and `finished_at`. On failure,
// `logs` holds the error and `finished_at` stays NULL (a "failed" migration that
// blocks deploys until `prisma migrate resolve`). Migrations are ordered by
// directory name.
//
// Two processes starting at once:
// - PostgreSQL: the session advisory lock Prisma's engine takes (72707369), so
//   this also waits for a concurrent `prisma migrate deploy`. Each script runs as
//   one simple-protocol query, as the engine does (an implicit transaction).
// - SQLite: each migration runs inside BEGIN IMMEDIATE, which admits one writer;
//   the other process waits, then finds the migration applied. Foreign keys are
//   switched off for the connection first, which is what the scripts' own
//   `PRAGMA foreign_keys=OFF` would do (it is ignored inside a transaction). A
//   failed script is rolled back whole, so it is recorded as failed *and*
//   rolled back, and the next start tries it again.

import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Client as PgClient } from 'pg';
import { POSTGRES_MIGRATIONS_TABLE_DDL, SQLITE_MIGRATIONS_TABLE_DDL } from '../../prisma/engine/history-ddl.mjs';
import { databaseKind, postgresSchema, sqliteFilePath, type DatabaseKind } from './client.ts';
import { prepareSqliteFile } from './file-modes.ts';

export interface MigrateOptions {
  /** Directory holding prisma/; defaults to the current directory. */
  projectRoot?: string;
}

interface Migration {
  name: string;
  script: string;
  checksum: string;
}

interface HistoryRow {
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const MIGRATIONS_DIR: Record<DatabaseKind, string[]> = {
  sqlite: ['prisma', 'migrations'],
  postgres: ['prisma', 'postgres', 'migrations'],
};
const LOCK_PROVIDER: Record<DatabaseKind, string> = { sqlite: 'sqlite', postgres: 'postgresql' };
const CLI_VARIANT: Record<DatabaseKind, string> = { sqlite: 'sqlite', postgres: 'postgres' };
const PRISMA_ADVISORY_LOCK = 72707369;
const SQLITE_LOCK_WAIT_MS = 120_000;

const NOT_EMPTY =
  'The database schema is not empty and has no migration history (P3005). Use an empty database, or baseline this one: https://pris.ly/d/migrate-baseline';

export async function migrateDatabase(databaseUrl: string, options: MigrateOptions = {}): Promise<void> {
  const kind = databaseKind(databaseUrl);
  const migrations = readMigrations(join(options.projectRoot ?? process.cwd(), ...MIGRATIONS_DIR[kind]), kind);
  if (kind === 'sqlite') await migrateSqlite(sqliteFilePath(databaseUrl), migrations);
  else await migratePostgres(databaseUrl, migrations);
}

function readMigrations(dir: string, kind: DatabaseKind): Migration[] {
  if (!existsSync(dir)) {
    throw new MigrationError(`No migrations directory at ${dir}. Start Portico from the project root.`);
  }
  const lockFile = join(dir, 'migration_lock.toml');
  const provider = existsSync(lockFile) ? /provider\s*=\s*"(\w+)"/.exec(readFileSync(lockFile, 'utf8'))?.[1] : undefined;
  if (provider && provider !== LOCK_PROVIDER[kind]) {
    throw new MigrationError(`${lockFile} is for "${provider}", but the database is ${LOCK_PROVIDER[kind]}.`);
  }
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  return names.map((name) => {
    const file = join(dir, name, 'migration.sql');
    if (!existsSync(file)) throw new MigrationError(`Migration ${name} has no migration.sql (${file}).`);
    const script = readFileSync(file, 'utf8');
    return { name, script, checksum: createHash('sha256').update(script, 'utf8').digest('hex') };
  });
}

/** Migrations not applied yet; refuses to go on past a failed, unresolved one (P3009), as deploy does. */
function pending(migrations: Migration[], history: HistoryRow[], kind: DatabaseKind): Migration[] {
  const failed = history.find((row) => row.finished_at == null && row.rolled_back_at == null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} failed earlier and is unresolved (P3009); its error is in _prisma_migrations.logs. ` +
        `Repair the database, then run: node scripts/prisma/prisma.mjs ${CLI_VARIANT[kind]} migrate resolve --rolled-back ${failed.migration_name} (or --applied).`,
    );
  }
  const applied = new Set(history.filter((row) => row.finished_at != null && row.rolled_back_at == null).map((row) => row.migration_name));
  return migrations.filter((migration) => !applied.has(migration.name));
}

/** Prisma's timestamp format in SQLite, e.g. 2026-11-25T09:43:44.053+00:00. */
const sqliteNow = () => new Date().toISOString().replace('Z', '+00:00');

function failure(kind: DatabaseKind, name: string, error: unknown): MigrationError {
  const reason = error instanceof Error ? error.message : String(error);
  return new MigrationError(`Migration ${name} failed on ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${reason}`);
}

async function migrateSqlite(path: string, migrations: Migration[]): Promise<void> {
  const { default: Database } = await import('better-sqlite3');
  prepareSqliteFile(path); // owner-only (file-modes.ts), before SQLite creates anything
  let db: BetterSqlite3.Database;
  try {
    db = new Database(path, { timeout: SQLITE_LOCK_WAIT_MS });
  } catch (error) {
    throw new MigrationError(`Cannot open the SQLite database ${path}: ${(error as Error).message}`);
  }
  try {
    db.pragma('foreign_keys = OFF');
    while (applyNextSqliteMigration(db, migrations)) {
      // one migration per write transaction, until none is pending
    }
  } catch (error) {
    if (error instanceof MigrationError) throw error;
    throw new MigrationError(`Cannot migrate the SQLite database ${path}: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

/** Applies the first pending migration under the write lock; false when there is none. */
function applyNextSqliteMigration(db: BetterSqlite3.Database, migrations: Migration[]): boolean {
  db.exec('BEGIN IMMEDIATE');
  let next: Migration | undefined;
  const id = randomUUID();
  const startedAt = sqliteNow();
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    if (!tables.some((table) => table.name === '_prisma_migrations')) {
      if (tables.length > 0) throw new MigrationError(NOT_EMPTY);
      db.exec(SQLITE_MIGRATIONS_TABLE_DDL);
    }
    const history = db.prepare('SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations').all() as HistoryRow[];
    next = pending(migrations, history, 'sqlite')[0];
    if (!next) {
      db.exec('COMMIT');
      return false;
    }
    db.prepare('INSERT INTO `_prisma_migrations` (`id`, `checksum`, `started_at`, `migration_name`) VALUES (?,?,?,?)').run(
      id,
      next.checksum,
      startedAt,
      next.name,
    );
    db.exec(next.script);
    db.prepare('UPDATE `_prisma_migrations` SET `applied_steps_count` = (`applied_steps_count` + ?) WHERE `id` = ?').run(1, id);
    db.prepare('UPDATE `_prisma_migrations` SET `finished_at` = ? WHERE `id` = ?').run(sqliteNow(), id);
    db.exec('COMMIT');
    return true;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (!next || error instanceof MigrationError) throw error;
    // The script's changes were rolled back with it: keep the attempt as a rolled-back failure.
    db.prepare(
      'INSERT INTO `_prisma_migrations` (`id`, `checksum`, `started_at`, `migration_name`, `logs`, `rolled_back_at`) VALUES (?,?,?,?,?,?)',
    ).run(id, next.checksum, startedAt, next.name, (error as Error).message, sqliteNow());
    throw failure('sqlite', next.name, error);
  }
}

function describePostgres(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}:${port || 5432}${decodeURIComponent(pathname)}`;
}

function postgresError(error: unknown, url: string): MigrationError {
  const { code, message } = error as { code?: string; message?: string };
  const where = describePostgres(url);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH') {
    return new MigrationError(`Cannot reach PostgreSQL at ${where} (${code}). Is the server running, and is DATABASE_URL right?`);
  }
  if (code === '28P01' || code === '28000') {
    return new MigrationError(`PostgreSQL at ${where} refused the credentials in DATABASE_URL: ${message}`);
  }
  return new MigrationError(`Cannot migrate the PostgreSQL database ${where}: ${message ?? String(error)}`);
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Connects to the database of `url`, creating it first if it does not exist. */
async function connectCreatingDatabase(pg: typeof import('pg').default, url: string): Promise<PgClient> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {}); // a dropped connection also fails the pending query, which is reported
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    if ((error as { code?: string }).code !== '3D000') throw postgresError(error, url);
  }
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenanceUrl = new URL(url);
  maintenanceUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: maintenanceUrl.toString() });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // 42P04 / 23505: another process created it first.
    if (code !== '42P04' && code !== '23505') {
      throw new MigrationError(`Database "${database}" does not exist and could not be created: ${(error as Error).message}`);
    }
  } finally {
    await admin.end().catch(() => {});
  }
  const created = new pg.Client({ connectionString: url });
  created.on('error', () => {});
  await created.connect().catch((error: unknown) => {
    throw postgresError(error, url);
  });
  return created;
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<void> {
  const { default: pg } = await import('pg');
  const client = await connectCreatingDatabase(pg, url);
  let current: Migration | undefined;
  try {
    await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK})`);
    const schema = postgresSchema(url);
    if (schema) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      await client.query(`SET search_path TO ${quoteIdent(schema)}`);
    }
    const { rows } = await client.query<{ tables: string; has_history: boolean }>(
      `SELECT count(*) AS tables, bool_or(c.relname = '_prisma_migrations') AS has_history
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname = current_schema()`,
    );
    if (!rows[0]?.has_history) {
      if (Number(rows[0]?.tables ?? 0) > 0) throw new MigrationError(NOT_EMPTY);
      await client.query(POSTGRES_MIGRATIONS_TABLE_DDL);
    }
    const history = await client.query<HistoryRow>(
      'SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY "started_at" ASC',
    );
    for (const migration of pending(migrations, history.rows, 'postgres')) {
      current = migration;
      const id = randomUUID();
      await client.query('INSERT INTO "_prisma_migrations" ("id","checksum","started_at","migration_name") VALUES ($1,$2,$3,$4)', [
        id,
        migration.checksum,
        new Date(),
        migration.name,
      ]);
      try {
        await client.query(migration.script);
      } catch (error) {
        await client.query('UPDATE "_prisma_migrations" SET "logs" = $1 WHERE "id" = $2', [(error as Error).message, id]);
        throw failure('postgres', migration.name, error);
      }
      await client.query('UPDATE "_prisma_migrations" SET "applied_steps_count" = ("applied_steps_count" + $1) WHERE "id" = $2', [1, id]);
      await client.query('UPDATE "_prisma_migrations" SET "finished_at" = $1 WHERE "id" = $2', [new Date(), id]);
    }
  } catch (error) {
    if (error instanceof MigrationError) throw error;
    throw current ? failure('postgres', current.name, error) : postgresError(error, url);
  } finally {
    await client.end().catch(() => {}); // ends the session, which releases the advisory lock
  }
}
