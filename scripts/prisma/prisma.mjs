#!/usr/bin/env node
// Runs the project's local Prisma CLI for one database variant, offline:
//
//   node scripts/prisma/prisma.mjs <sqlite|postgres|both> <prisma CLI args…>
//
// It sets PRISMA_SCHEMA_ENGINE_BINARY to the wasm engine shim (so the CLI never
// tries to download its native engine), passes the variant's prisma.config.ts
// (which names its schema and migrations), runs from the project root, and
// exits with the CLI's exit code. `both` runs SQLite then PostgreSQL with the
// same arguments and stops at the first failure.

import { spawn } from 'node:child_process';
import { accessSync, chmodSync, constants } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const VARIANTS = {
  sqlite: { config: join(root, 'prisma.config.ts'), urlPattern: /^file:/, label: 'SQLite' },
  postgres: { config: join(root, 'prisma', 'postgres', 'prisma.config.ts'), urlPattern: /^postgres(ql)?:\/\//, label: 'PostgreSQL' },
};

export const ENGINE_SHIM = join(root, 'prisma', 'engine', 'schema-engine.mjs');
const PRISMA_CLI = join(root, 'node_modules', 'prisma', 'build', 'index.js');
const COMMANDS_WITH_DATABASE = new Set(['migrate', 'db']);

/** The CLI spawns the shim as a program: it must be executable (an archive or a copy may drop the bit). */
function ensureShimIsExecutable() {
  try {
    accessSync(ENGINE_SHIM, constants.X_OK);
  } catch {
    chmodSync(ENGINE_SHIM, 0o755);
  }
}

/** Runs the Prisma CLI for one variant; resolves with its exit code. */
export function runPrisma(variant, args, options = {}) {
  ensureShimIsExecutable();
  const { config, urlPattern, label } = VARIANTS[variant];
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl && !urlPattern.test(databaseUrl) && COMMANDS_WITH_DATABASE.has(args[0] ?? '') && !options.quiet) {
    console.error(`note: DATABASE_URL is not a ${label} URL; the ${variant} variant uses the default database of ${config.slice(root.length + 1)}.`);
  }
  const child = spawn(process.execPath, [PRISMA_CLI, ...args, '--config', config], {
    cwd: root,
    stdio: options.stdio ?? 'inherit',
    env: {
      ...process.env,
      // The shim's `#!/usr/bin/env node` must find this same Node.
      PATH: [dirname(process.execPath), process.env.PATH].filter(Boolean).join(delimiter),
      PRISMA_SCHEMA_ENGINE_BINARY: ENGINE_SHIM,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1', // no telemetry / update check over the network
    },
  });
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`Could not start the Prisma CLI (${PRISMA_CLI}): ${error.message}. Run npm install.`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? 128 + (osConstants.signals[signal] ?? 1)));
  });
}

async function main(argv) {
  const [variant, ...args] = argv;
  const variants = variant === 'both' ? ['sqlite', 'postgres'] : [variant];
  if (!variants.every((name) => name in VARIANTS) || args.length === 0) {
    console.error('Usage: node scripts/prisma/prisma.mjs <sqlite|postgres|both> <prisma CLI arguments…>');
    return 2;
  }
  for (const name of variants) {
    if (variants.length > 1) console.error(`\n── prisma ${args.join(' ')} (${VARIANTS[name].label}) ──`);
    const code = await runPrisma(name, args);
    if (code !== 0) return code;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
