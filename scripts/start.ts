/**
 * `npm start`: validate configuration, build if needed, apply migrations, create first-run data,
 * then serve the provider and portal on one port.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../lib/config.ts';
import { restrictDataDirectory } from '../lib/db/file-modes.ts';
import { migrateDatabase } from '../lib/db/migrate.ts';
import { ensureFirstAdmin } from '../lib/server/first-run.ts';
import { startHttpServer } from '../lib/server/http-server.ts';
import { getRuntime } from '../lib/server/runtime.ts';
import { activityCounterOf } from '../lib/db/activity-counter.ts';
import { closeHotStore } from '../lib/db/hot/index.ts';
import { flushLogs } from '../lib/observability/logger.ts';
import { buildIfNeeded } from './build-if-needed.ts';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const config = loadConfig();
  if (!process.argv.includes('--no-build')) buildIfNeeded(root);
  restrictDataDirectory(config.dataDir);
  await migrateDatabase(config.databaseUrl);
  const runtime = await getRuntime();
  const admin = await ensureFirstAdmin(runtime.db, config.dataDir);
  const server = await startHttpServer(config, root);

  const db = config.databaseUrl.startsWith('file:') ? `SQLite ${config.databaseUrl.slice(5)}` : 'PostgreSQL';
  console.log(`
Portico is running.
  URL:        http://localhost:${server.port}
  Issuer:     ${config.issuer}
  Discovery:  ${config.issuer}/.well-known/openid-configuration
  Database:   ${db}
${admin ? `
  First run: an administrator was created. Sign in at ${config.issuer}/login with
    email:    ${admin.email}
    password: ${admin.password}
  (also saved in ${path.join(config.dataDir, 'first-admin.txt')}). It must be changed at the first
  sign-in and stops working in 24 hours; for a new one: npx portico user reset-password --email ${admin.email}
` : `
  Sign in at ${config.issuer}/login. Create users with: npx portico user create --email you@example.com --password '…'
`}
  Register an app:  npx portico client create --name "My App" --redirect-uri http://localhost:3001/callback
`);

  const stop = async () => {
    await server.close();
    await runtime.rateLimits.close();
    await activityCounterOf(runtime.db).drain();
    await closeHotStore(runtime.db);
    await runtime.db.$disconnect();
    flushLogs();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(`Portico could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
