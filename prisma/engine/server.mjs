// The JSON-RPC side of the shim: starts the wasm SchemaEngine with the right
// driver adapter and answers the CLI's requests with it, adding what the wasm
// engine lacks (createDatabase, the `print` call for diffs, SQLite's
// `_prisma_migrations` and reset, a retry when its migration cache misses) and
// reporting errors and panics the way the CLI expects.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { EngineError, describeError, forwardEngineLog, logLine } from './log.mjs';
import { loadWasmEngine, panics } from './wasm-engine.mjs';
import { parseDatasourceUrl } from './datasource.mjs';
import { serveJsonRpc } from './rpc.mjs';

// CLI methods passed straight to the wasm engine's method of the same name.
const WASM_METHODS = new Set([
  'applyMigrations',
  'dbExecute',
  'devDiagnostic',
  'diagnoseMigrationHistory',
  'ensureConnectionValidity',
  'introspect',
  'introspectSql',
  'markMigrationApplied',
  'markMigrationRolledBack',
  'reset',
  'schemaPush',
]);

// SQLite methods that read or write `_prisma_migrations`, which the wasm engine cannot create.
// `true`: refuse to start a history on a database that already has unmanaged tables (P3005).
const SQLITE_HISTORY_METHODS = {
  applyMigrations: true,
  createMigration: false,
  devDiagnostic: false,
  diagnoseMigrationHistory: false,
  evaluateDataLoss: false,
  markMigrationApplied: false,
  markMigrationRolledBack: false,
};

/**
 * In `migrate dev`, evaluateDataLoss and createMigration read the schema of the
 * migration history from a cache that devDiagnostic fills for the migrations
 * applied *at that time*. When migrate dev has just applied pending ones (fresh
 * or outdated dev database) the cache misses, and the wasm engine's fallback
 * cannot open a shadow database ("… shadow DB must be provided through an
 * external factory"). Diagnosing the history again, now fully applied, fills
 * the cache through the adapter's shadow database; then the call is retried.
 */
async function withMigrationSchemaCache(engine, method, params) {
  try {
    return await engine[method](params);
  } catch (error) {
    if (!/shadow DB must be provided through an external factory/.test(String(error?.message))) throw error;
    await engine.diagnoseMigrationHistory({
      migrationsList: params.migrationsList,
      optInToShadowDatabase: true,
      filters: params.filters,
    });
    return engine[method](params);
  }
}

function providerOf(datamodels) {
  for (const [, content] of datamodels ?? []) {
    const match = /datasource\s+\w+\s*\{[^}]*provider\s*=\s*"(\w+)"/.exec(content);
    if (match) return match[1];
  }
  return undefined;
}

/** The main datasource; without a URL (e.g. `migrate diff` between files) an in-memory SQLite is enough. */
function mainDatasource(datasource, datamodels) {
  if (datasource?.url) return parseDatasourceUrl(datasource.url);
  const provider = providerOf(datamodels);
  if (provider === undefined || provider === 'sqlite') return { kind: 'sqlite', path: ':memory:', url: 'file::memory:' };
  throw new EngineError('P1012', 'No database URL: set datasource.url in prisma.config.ts (DATABASE_URL).');
}

async function createAdapterFactory(ds, datasource) {
  const shadow = datasource?.shadowDatabaseUrl ? parseDatasourceUrl(datasource.shadowDatabaseUrl) : undefined;
  if (ds.kind === 'sqlite') return (await import('./sqlite.mjs')).createSqliteAdapterFactory(ds, shadow);
  return (await import('./postgres.mjs')).createPostgresAdapterFactory(ds, shadow);
}

/**
 * The wasm engine reports a JS exception thrown inside an adapter as
 * "External error id#N"; the exception itself waits in the binder's registry.
 */
function withAdapterErrorMessage(error, boundFactory) {
  const id = /External error id#(\d+)/.exec(String(error?.message ?? ''))?.[1];
  const original = id === undefined ? undefined : boundFactory?.errorRegistry?.consumeError(Number(id))?.error;
  return original instanceof Error ? original : error;
}

function rpcError(error) {
  const { code, message, meta } = describeError(error);
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: false, message, meta, ...(code ? { error_code: code } : {}) },
  };
}

function panicError(message) {
  return {
    code: 4466,
    message,
    data: { is_panic: true, message, error: { message }, backtrace: null },
  };
}

export async function runServer({ datamodelFiles, datasource }) {
  const datamodels = datamodelFiles.length
    ? datamodelFiles.map((file) => [file, readFileSync(resolve(file), 'utf8')])
    : undefined; // never []: the wasm engine panics on an empty list

  let factory;
  let boundFactory;
  let enginePromise;
  let ds;
  const engine = () => {
    enginePromise ??= (async () => {
      ds = mainDatasource(datasource, datamodels);
      factory = await createAdapterFactory(ds, datasource);
      boundFactory = bindMigrationAwareSqlAdapterFactory(factory);
      const wasm = await loadWasmEngine();
      return wasm.SchemaEngine.new({ datamodels }, forwardEngineLog, boundFactory);
    })();
    return enginePromise;
  };

  let panicked = null; // after a panic the wasm instance is unusable: answer nothing more with it
  let exiting = false;
  async function shutDown(code) {
    if (exiting) return;
    exiting = true;
    await factory?.close().catch(() => {});
    process.stdout.write('', () => process.exit(panicked === null ? code : 101));
  }
  process.on('SIGTERM', () => void shutDown(0));
  process.on('SIGINT', () => void shutDown(130));

  async function call(method, params, peer) {
    const wasmEngine = await engine();
    if (ds.kind === 'sqlite' && method in SQLITE_HISTORY_METHODS) {
      const { ensureSqliteMigrationsTable } = await import('./sqlite.mjs');
      const refuseUnmanagedSchema = SQLITE_HISTORY_METHODS[method];
      await factory.withMainDatabase((db) => ensureSqliteMigrationsTable(db, { refuseUnmanagedSchema }));
    }
    if (ds.kind === 'sqlite' && method === 'reset') {
      const { resetSqliteDatabase } = await import('./sqlite.mjs');
      return factory.withMainDatabase((db) => resetSqliteDatabase(db, params?.filter));
    }
    switch (method) {
      case 'getDatabaseVersion':
        return wasmEngine.version(params);
      case 'createDatabase': {
        const target = params?.datasource?.tag === 'ConnectionString' ? parseDatasourceUrl(params.datasource.url) : ds;
        const { cliCommands } = await import(target.kind === 'sqlite' ? './sqlite.mjs' : './postgres.mjs');
        await cliCommands.createDatabase(target);
        return { databaseName: target.kind === 'sqlite' ? target.path : target.config.database };
      }
      case 'diff': {
        const { exitCode, stdout } = await wasmEngine.diff(params);
        if (stdout) await peer.call('print', { content: stdout.replace(/\n$/, '') });
        return { exitCode };
      }
      case 'evaluateDataLoss':
      case 'createMigration':
        return withMigrationSchemaCache(wasmEngine, method, params);
      case 'debugPanic':
        return wasmEngine.debugPanic();
      default:
        if (!WASM_METHODS.has(method)) throw { code: -32601, message: `Method not supported by the wasm engine shim: ${method}` };
        return wasmEngine[method](params);
    }
  }

  serveJsonRpc({
    async handle(method, params, peer) {
      if (panicked !== null) throw panicError(panicked);
      panics.last = null;
      try {
        const result = await call(method, params, peer);
        return result ?? null;
      } catch (error) {
        if (panics.last !== null) {
          panicked = panics.last;
          logLine('ERROR', panicked, { is_panic: true });
          process.on('uncaughtException', () => void shutDown(101));
          setImmediate(() => void shutDown(101));
          throw panicError(panicked);
        }
        if (error && typeof error === 'object' && typeof error.code === 'number') throw error; // already JSON-RPC
        throw rpcError(withAdapterErrorMessage(error, boundFactory));
      }
    },
    onEnd: () => shutDown(0),
  });
}
