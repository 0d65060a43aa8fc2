// PostgreSQL through @prisma/adapter-pg, with the gaps of that pairing filled in:
// - the engine's catalog queries return PostgreSQL's internal "char" type
//   (OID 18), which the adapter refuses to deserialize; such columns are
//   reported as text (OID 25), which is what their values are;
// - the adapter's own shadow database is dropped before its pool is closed and
//   so stays behind ("being accessed by other users"): the shadow database is
//   created here and dropped WITH (FORCE) after its pool has ended;
// - a shadow database named in the config (shadowDatabaseUrl) is emptied
//   before use, as the native engine does;
// - the adapter's executeScript splits a migration on every ";", which breaks
//   dollar-quoted function bodies (CREATE FUNCTION … AS $$ …; … $$): a script
//   runs whole, as one simple-protocol query, as the native engine runs it.

import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { EngineError } from './log.mjs';
import { describeServer, quoteIdent } from './datasource.mjs';

const CHAR_OID = 18;
const TEXT_OID = 25;

function charColumnsAsText(result) {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of one?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

/** A pg Client whose results never carry the "char" type. */
class CharAsTextClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === 'function') {
      callback = values;
      values = undefined;
    }
    if (typeof callback === 'function') {
      return super.query(config, values, (error, result) => callback(error, error ? result : charColumnsAsText(result)));
    }
    const pending = super.query(config, values);
    return pending && typeof pending.then === 'function' ? pending.then(charColumnsAsText) : pending;
  }
}

/** Runs `fn` with a short-lived client on the given database of the same server. */
export async function withClient(ds, database, fn) {
  const client = new pg.Client({ ...ds.config, database });
  client.on('error', () => {}); // a dropped connection also fails the pending query, which is reported
  try {
    await client.connect();
  } catch (error) {
    throw toEngineError(error, ds, database);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Runs `fn` on a maintenance database, for CREATE/DROP DATABASE. */
async function withMaintenanceClient(ds, fn) {
  let lastError;
  for (const database of new Set(['postgres', 'template1', ds.config.database])) {
    try {
      return await withClient(ds, database, fn);
    } catch (error) {
      if (error instanceof EngineError && (error.code === 'P1003' || error.code === 'P1010')) {
        lastError = error;
        continue;
      }
      throw error;
    }
  }
  throw lastError;
}

export async function dropDatabaseForce(ds, name) {
  await withMaintenanceClient(ds, async (client) => {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    } catch (error) {
      if (error?.code !== '42601') throw toEngineError(error, ds, name); // syntax error: PostgreSQL < 13
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
    }
  });
}

/** A shadow database named in the config is emptied before use, as the native engine does. */
async function resetConfiguredShadow(ds, shadow) {
  const same = (a) => [a.config.host, a.config.port, a.config.database].join('|');
  if (same(ds) === same(shadow)) {
    throw new EngineError('P3014', 'The shadow database URL names the main database. Use a separate, disposable database.');
  }
  const schema = quoteIdent(shadow.schema ?? 'public');
  await withClient(shadow, shadow.config.database, async (client) => {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`CREATE SCHEMA ${schema}`);
  });
}

/** Makes the connected adapter run scripts whole (see the header). */
function runScriptsWhole(adapter) {
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

/**
 * @param {import('./datasource.mjs').PostgresDatasource} ds
 * @param {import('./datasource.mjs').PostgresDatasource | undefined} shadow from datasource.shadowDatabaseUrl
 */
export function createPostgresAdapterFactory(ds, shadow) {
  const adapterOptions = ds.schema ? { schema: ds.schema } : undefined;
  const createdShadows = new Set();
  const connectTo = async (target) =>
    runScriptsWhole(await new PrismaPg({ ...target.config, Client: CharAsTextClient }, target.schema ? { schema: target.schema } : undefined).connect());

  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: async () => runScriptsWhole(await new PrismaPg({ ...ds.config, Client: CharAsTextClient }, adapterOptions).connect()),
    async connectToShadowDb() {
      if (shadow) {
        await resetConfiguredShadow(ds, shadow);
        return connectTo(shadow);
      }
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await withClient(ds, ds.config.database, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
      createdShadows.add(name);
      const adapter = await connectTo({ ...ds, config: { ...ds.config, database: name } });
      const closePool = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await closePool();
        await dropDatabaseForce(ds, name);
        createdShadows.delete(name);
      };
      return adapter;
    },
    /** Drops any shadow database the engine did not dispose of. */
    async close() {
      for (const name of [...createdShadows]) {
        await dropDatabaseForce(ds, name).catch(() => {});
        createdShadows.delete(name);
      }
    },
  };
}

/** Maps a pg connection or query error to the Prisma error the native engine would report. */
export function toEngineError(error, ds, database = ds.config.database) {
  if (error instanceof EngineError) return error;
  const server = describeServer(ds);
  switch (error?.code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
      return new EngineError('P1001', `Can't reach database server at \`${server}\`\n\nPlease make sure your database server is running at \`${server}\`.`, {
        database_host: ds.config.host,
        database_port: ds.config.port,
      });
    case '3D000':
      return new EngineError('P1003', `Database \`${database}\` does not exist on the database server at \`${server}\`.`, {
        database_name: database,
      });
    case '28P01':
    case '28000':
      return new EngineError('P1000', `Authentication failed against database server at \`${server}\`, the provided database credentials for \`${ds.config.user ?? ''}\` are not valid.`);
    case '42P04':
      return new EngineError('P1009', `Database \`${database}\` already exists on the database server at \`${server}\``);
    case '42501':
      return new EngineError('P1010', `User \`${ds.config.user ?? ''}\` was denied access on the database \`${database}\``);
    default:
      return new EngineError(undefined, error?.message ?? String(error));
  }
}

/** `schema-engine cli …` for PostgreSQL. */
export const cliCommands = {
  async canConnect(ds) {
    await withClient(ds, ds.config.database, (client) => client.query('SELECT 1'));
  },
  async createDatabase(ds) {
    await withMaintenanceClient(ds, async (client) => {
      try {
        await client.query(`CREATE DATABASE ${quoteIdent(ds.config.database)}`);
      } catch (error) {
        throw toEngineError(error, ds);
      }
    });
  },
  async dropDatabase(ds) {
    await dropDatabaseForce(ds, ds.config.database);
  },
};
