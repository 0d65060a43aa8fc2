/**
 * The CLI's database session: apply pending migrations first (so a fresh clone works with no
 * setup), connect, run, and always disconnect so the process exits promptly.
 */
import { fileURLToPath } from 'node:url';
import type { Config } from '../lib/config.ts';
import { createPrismaClient, type Db } from '../lib/db/client.ts';
import { migrateDatabase, MigrationError } from '../lib/db/migrate.ts';
import { createRuntime, type Runtime } from '../lib/server/runtime.ts';
import { CliError, FILE_SYSTEM_HINT, isConnectionError, isFileSystemError, reason } from './errors.ts';

/** The migrations ship with the CLI, so they are found from here whatever the working directory. */
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function migrate(config: Config): Promise<void> {
  try {
    await migrateDatabase(config.databaseUrl, { projectRoot: PROJECT_ROOT });
  } catch (err) {
    // MigrationError messages already name the database and say what to check.
    if (err instanceof MigrationError) throw new CliError(`Could not apply the database migrations. ${err.message}`);
    throw databaseError('apply the database migrations to', config, err);
  }
}

export async function withDatabase<T>(config: Config, run: (db: Db) => Promise<T>): Promise<T> {
  await migrate(config);
  let db: Db;
  try {
    db = await createPrismaClient(config.databaseUrl);
  } catch (err) {
    throw databaseError('connect to', config, err);
  }
  try {
    return await run(db);
  } catch (err) {
    throw isConnectionError(err) ? databaseError('use', config, err) : err;
  } finally {
    await db.$disconnect().catch(() => {});
  }
}

/** The server's full runtime (stores, key ring), for commands that act through the protocol core. */
export async function withRuntime<T>(config: Config, run: (runtime: Runtime) => Promise<T>): Promise<T> {
  await migrate(config);
  let runtime: Runtime;
  try {
    runtime = await createRuntime(config);
  } catch (err) {
    throw isConnectionError(err) ? databaseError('connect to', config, err) : err;
  }
  try {
    return await run(runtime);
  } finally {
    await runtime.rateLimits.close().catch(() => {});
    await runtime.db.$disconnect().catch(() => {});
  }
}

function databaseError(action: string, config: Config, err: unknown): CliError {
  const hint = isFileSystemError(err)
    ? FILE_SYSTEM_HINT
    : isConnectionError(err)
      ? 'Check DATABASE_URL and that the database is running and accepts connections.'
      : 'Check that the database is reachable and that its schema was not changed by hand.';
  return new CliError(`Could not ${action} the database ${describeDatabase(config.databaseUrl)}: ${reason(err)}. ${hint}`);
}

/** The database named for a human, with any password removed. */
export function describeDatabase(databaseUrl: string): string {
  if (databaseUrl.startsWith('file:')) return `file ${databaseUrl.slice('file:'.length)}`;
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}
