// Turns the datasource URL the CLI passes (`--datasource '{"url":…}'`) into
// what the driver adapters need. PostgreSQL settings are kept as separate
// fields on purpose: @prisma/adapter-pg derives the shadow database connection
// by overriding `database` in this object, which a `connectionString` would win over.

import { resolve } from 'node:path';
import { EngineError } from './log.mjs';

/**
 * @typedef {{ kind: 'sqlite', path: string, url: string }} SqliteDatasource
 * @typedef {{ kind: 'postgres', config: import('pg').PoolConfig & { database: string }, schema?: string, url: string }} PostgresDatasource
 * @typedef {SqliteDatasource | PostgresDatasource} Datasource
 */

/**
 * @param {string} url
 * @param {string} [baseDir] directory that relative SQLite paths are resolved against
 * @returns {Datasource}
 */
export function parseDatasourceUrl(url, baseDir = process.cwd()) {
  if (typeof url !== 'string' || url.trim() === '') {
    throw new EngineError('P1013', 'The database URL is empty. Set DATABASE_URL or the datasource url in prisma.config.ts.');
  }
  if (url.startsWith('file:')) return parseSqliteUrl(url, baseDir);
  if (/^postgres(ql)?:\/\//i.test(url)) return parsePostgresUrl(url);
  throw new EngineError(
    'P1013',
    `The database URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL); got "${url.split(':')[0]}:".`,
  );
}

/** @returns {SqliteDatasource} */
function parseSqliteUrl(url, baseDir) {
  const location = url.slice('file:'.length).split('?')[0] ?? '';
  if (location === '') throw new EngineError('P1013', 'The SQLite URL has no file path (expected e.g. file:./data/portico.db).');
  if (location === ':memory:') return { kind: 'sqlite', path: ':memory:', url: 'file::memory:' };
  const path = resolve(baseDir, decodeURIComponent(location));
  return { kind: 'sqlite', path, url: `file:${path}` };
}

/** @returns {PostgresDatasource} */
function parsePostgresUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new EngineError('P1013', 'The PostgreSQL URL is not a valid URL (expected postgresql://user:password@host:5432/database).');
  }
  const params = parsed.searchParams;
  const user = decodeURIComponent(parsed.username) || undefined;
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1') || params.get('host') || 'localhost';
  /** @type {import('pg').PoolConfig & { database: string }} */
  const config = {
    host,
    port: parsed.port ? Number(parsed.port) : 5432,
    user,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || user || 'postgres',
  };
  const sslmode = params.get('sslmode');
  if (sslmode && sslmode !== 'disable') {
    config.ssl = sslmode === 'verify-full' || sslmode === 'verify-ca' ? true : { rejectUnauthorized: false };
  }
  const schema = params.get('schema') || undefined;
  if (schema) config.options = `-c search_path="${schema.replace(/"/g, '""')}"`;
  return { kind: 'postgres', config, schema, url };
}

/** "host:port" for messages, never the password. */
export function describeServer(ds) {
  return ds.kind === 'sqlite' ? ds.path : `${ds.config.host}:${ds.config.port}`;
}

/** Double-quotes an SQL identifier. */
export function quoteIdent(name) {
  return `"${String(name).replace(/"/g, '""')}"`;
}
