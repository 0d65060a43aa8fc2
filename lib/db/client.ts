// The Prisma client for the database that DATABASE_URL names: a SQLite file
// (`file:…`, the default) through better-sqlite3, or PostgreSQL
// (`postgresql://…`) through pg. Each variant has its own generated client
// (lib/db/generated/{sqlite,postgres}, made by `npm install`); only the one in
// use is loaded. Both are generated from the same data model, so they share one
// API, typed here as `Db`.

import { resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { prepareSqliteFile } from './file-modes.ts';
import type { PrismaClient } from './generated/sqlite/client.ts';

export type Db = PrismaClient;
export type DatabaseKind = 'sqlite' | 'postgres';

/** What the driver-level hot path (lib/db/hot) needs to know of a client made here. */
export type Connection = { kind: 'sqlite'; connection: BetterSqlite3.Database } | { kind: 'postgres'; url: string };
const connections = new WeakMap<Db, Connection>();

export function connectionOf(db: Db): Connection {
  const found = connections.get(db);
  if (!found) throw new Error('This Prisma client was not made by createPrismaClient (lib/db/client.ts).');
  return found;
}

const URL_HELP = 'Use file:./data/portico.db (SQLite) or postgresql://user:password@host:5432/database (PostgreSQL).';

export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  const scheme = url.includes(':') ? `"${url.slice(0, url.indexOf(':') + 1)}"` : 'no scheme';
  throw new Error(`Unsupported DATABASE_URL (${url.trim() === '' ? 'empty' : scheme}). ${URL_HELP}`);
}

/** The SQLite file of a `file:` URL, relative paths taken from the current directory. */
export function sqliteFilePath(url: string): string {
  const location = decodeURIComponent(url.slice('file:'.length).split('?')[0] ?? '');
  if (location === '') throw new Error(`The SQLite URL has no file path. ${URL_HELP}`);
  return location === ':memory:' ? location : resolve(/*turbopackIgnore: true*/ process.cwd(), location);
}

/** The `?schema=` of a PostgreSQL URL, if any (Prisma's convention). */
export function postgresSchema(url: string): string | undefined {
  return new URL(url).searchParams.get('schema') ?? undefined;
}

export async function createPrismaClient(databaseUrl: string): Promise<Db> {
  return databaseKind(databaseUrl) === 'sqlite' ? createSqliteClient(databaseUrl) : createPostgresClient(databaseUrl);
}

async function createSqliteClient(url: string): Promise<Db> {
  const path = sqliteFilePath(url);
  prepareSqliteFile(path); // owner-only (file-modes.ts), before SQLite creates anything
  const [{ PrismaClient }, { PrismaBetterSqlite3 }] = await Promise.all([
    import('./generated/sqlite/client.ts'),
    import('@prisma/adapter-better-sqlite3'),
  ]);
  // The hot path shares the adapter's own connection (lib/db/hot/sqlite.ts): capture it.
  const adapterFactory = new PrismaBetterSqlite3({ url: path });
  const connect = adapterFactory.connect.bind(adapterFactory);
  let connection: BetterSqlite3.Database | undefined;
  adapterFactory.connect = async () => {
    const adapter = await connect();
    connection = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    beginImmediate(connection);
    return adapter;
  };
  const db = new PrismaClient({ adapter: adapterFactory });
  await db.$connect();
  if (connection) connections.set(db, { kind: 'sqlite', connection });
  // The adapter has no pragma option. WAL lets readers work during a write;
  // NORMAL sync is durable in WAL mode except on power loss of the last commits.
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
  await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  return db;
}

/**
 * The adapter opens interactive transactions with a deferred BEGIN. One that reads and then
 * writes fails at once with SQLITE_BUSY_SNAPSHOT when another process (a second instance, the
 * CLI) committed in between: busy_timeout cannot help, the snapshot is stale. BEGIN IMMEDIATE
 * takes the write lock up front, waiting up to busy_timeout for it.
 */
function beginImmediate(connection: BetterSqlite3.Database) {
  const prepare = connection.prepare.bind(connection);
  connection.prepare = ((sql: string) => prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql)) as typeof connection.prepare;
}

async function createPostgresClient(url: string): Promise<Db> {
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([
    import('./generated/postgres/client.ts'),
    import('@prisma/adapter-pg'),
  ]);
  const schema = postgresSchema(url);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }, schema ? { schema } : undefined) }) as unknown as Db; // same data model, same API as the SQLite client
  await db.$connect();
  connections.set(db, { kind: 'postgres', url });
  return db;
}
