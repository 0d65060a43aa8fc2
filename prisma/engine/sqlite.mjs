// SQLite through @prisma/adapter-better-sqlite3, with the gaps of the wasm
// engine filled in:
// - it cannot create `_prisma_migrations` itself (it fails with P1014), so the
//   table is created beforehand with the exact DDL the native engine uses;
// - it replays a whole migration.sql in one executeRaw, which better-sqlite3
//   rejects ("contains more than one statement"): such calls fall back to
//   executeScript, which runs a multi-statement script;
// - its reset only deletes rows, so `migrate reset` is done here by dropping
//   the tables.

import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { EngineError } from './log.mjs';
import { quoteIdent } from './datasource.mjs';
import { SQLITE_MIGRATIONS_TABLE_DDL } from './history-ddl.mjs';

const MULTI_STATEMENT = /more than one statement/i;

function isMultiStatementError(error) {
  const texts = [error?.message, error?.cause?.message, error?.cause?.originalMessage];
  return texts.some((text) => typeof text === 'string' && MULTI_STATEMENT.test(text));
}

/**
 * An adapter connection that opens the database file on first use (creating its
 * directory), so that commands which never touch the database, like
 * `migrate diff --from-migrations … --to-schema …`, leave no file behind. A
 * multi-statement script sent as one raw query still runs, via executeScript.
 */
function lazyConnection(open) {
  let adapter = null;
  const connection = async () => (adapter ??= await open());
  const runAsScript = (method) => async (query) => {
    const target = await connection();
    try {
      return await target[method](query);
    } catch (error) {
      if (query.args.length > 0 || !isMultiStatementError(error)) throw error;
      await target.executeScript(query.sql);
      return method === 'executeRaw' ? 0 : { columnNames: [], columnTypes: [], rows: [] };
    }
  };
  return {
    provider: 'sqlite',
    adapterName: '@prisma/adapter-better-sqlite3',
    queryRaw: runAsScript('queryRaw'),
    executeRaw: runAsScript('executeRaw'),
    executeScript: async (script) => (await connection()).executeScript(script),
    startTransaction: async (isolationLevel) => (await connection()).startTransaction(isolationLevel),
    dispose: async () => adapter?.dispose(),
  };
}

/** The small SQL surface the shim itself needs, over an adapter connection. */
function adapterRunner(adapter) {
  return {
    async all(sql) {
      const { columnNames, rows } = await adapter.queryRaw({ sql, args: [], argTypes: [] });
      return rows.map((row) => Object.fromEntries(columnNames.map((name, i) => [name, row[i]])));
    },
    exec: (sql) => adapter.executeScript(sql),
  };
}

/** The same surface over a short-lived better-sqlite3 connection. */
async function withOwnConnection(ds, fn) {
  if (ds.path !== ':memory:') mkdirSync(dirname(ds.path), { recursive: true });
  const db = new Database(ds.path);
  try {
    return await fn({ all: async (sql) => db.prepare(sql).all(), exec: async (sql) => void db.exec(sql) });
  } finally {
    db.close();
  }
}

/**
 * @param {import('./datasource.mjs').SqliteDatasource} ds
 * @param {import('./datasource.mjs').SqliteDatasource | undefined} shadow
 */
export function createSqliteAdapterFactory(ds, shadow) {
  const inner = new PrismaBetterSqlite3({ url: ds.path }, shadow ? { shadowDatabaseUrl: shadow.path } : undefined);
  /** The engine's connection to the main database. It sets locking_mode=EXCLUSIVE, so once it has
   * written, any other connection gets SQLITE_BUSY: the shim's own statements must go through it. */
  let engineConnection = null;
  const open = new Set();
  const track = (connection) => {
    open.add(connection);
    const dispose = connection.dispose;
    connection.dispose = async () => {
      open.delete(connection);
      if (engineConnection === connection) engineConnection = null;
      await dispose();
    };
    return connection;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const connection = track(
        lazyConnection(() => {
          if (ds.path !== ':memory:') mkdirSync(dirname(ds.path), { recursive: true });
          return inner.connect();
        }),
      );
      engineConnection = connection;
      return connection;
    },
    async connectToShadowDb() {
      if (shadow && shadow.path !== ':memory:') {
        if (shadow.path === ds.path) throw new EngineError('P3014', 'The shadow database URL names the main database.');
        await withOwnConnection(shadow, (db) => resetSqliteDatabase(db)); // emptied first, as the native engine does
      }
      return track(lazyConnection(() => inner.connectToShadowDb()));
    },
    /** Runs `fn` with `{ all(sql), exec(sql) }` on the main database. */
    withMainDatabase: (fn) => (engineConnection ? fn(adapterRunner(engineConnection)) : withOwnConnection(ds, fn)),
    /** Closes what the engine left open (the CLI ends the engine with SIGTERM), so no -journal stays behind. */
    async close() {
      for (const connection of [...open]) await connection.dispose().catch(() => {});
    },
  };
}

async function userTables(db) {
  const rows = await db.all("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  return rows.map((row) => String(row.name));
}

/**
 * Creates `_prisma_migrations` unless it exists. Refuses (P3005, like the
 * native engine) when the database already holds tables that no migration
 * history accounts for, so that deploy never tries to re-create them.
 */
export async function ensureSqliteMigrationsTable(db, { refuseUnmanagedSchema }) {
  const tables = await userTables(db);
  if (tables.includes('_prisma_migrations')) return;
  if (refuseUnmanagedSchema && tables.length > 0) {
    throw new EngineError(
      'P3005',
      'The database schema is not empty. Read more about how to baseline an existing production database: https://pris.ly/d/migrate-baseline',
    );
  }
  await db.exec(SQLITE_MIGRATIONS_TABLE_DDL);
}

/**
 * `migrate reset` for SQLite: drops every view and table (the wasm engine's
 * adapter reset only deletes rows, after which the migrations cannot be replayed).
 * Tables listed as external in prisma.config.ts are kept.
 */
export async function resetSqliteDatabase(db, filter) {
  const keep = new Set(filter?.externalTables ?? []);
  const objects = await db.all(
    "SELECT type, name FROM sqlite_master WHERE type IN ('view', 'table') AND name NOT LIKE 'sqlite_%' ORDER BY type DESC",
  );
  const drops = objects
    .filter((object) => !keep.has(String(object.name)))
    .map((object) => `DROP ${object.type === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS ${quoteIdent(object.name)};`);
  const hasSequence = (await db.all("SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'")).length > 0;
  await db.exec(['PRAGMA foreign_keys = OFF;', ...drops, hasSequence ? 'DELETE FROM sqlite_sequence;' : '', 'PRAGMA foreign_keys = ON;'].join('\n'));
}

/** `schema-engine cli …` for SQLite. */
export const cliCommands = {
  async canConnect(ds) {
    if (ds.path !== ':memory:' && !existsSync(ds.path)) {
      throw new EngineError('P1003', `Database \`${ds.path}\` does not exist`, { database_file_path: ds.path });
    }
    await withOwnConnection(ds, (db) => db.all('SELECT 1'));
  },
  async createDatabase(ds) {
    if (ds.path !== ':memory:' && existsSync(ds.path)) {
      throw new EngineError('P1009', `Database \`${ds.path}\` already exists`);
    }
    await withOwnConnection(ds, async () => {});
  },
  async dropDatabase(ds) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${ds.path}${suffix}`, { force: true });
  },
};
