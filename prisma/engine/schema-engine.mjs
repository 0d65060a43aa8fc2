#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which the Prisma 7 CLI
// downloads on first use — impossible on machines without internet access.
// The CLI runs whatever file PRISMA_SCHEMA_ENGINE_BINARY names (set by
// scripts/prisma/prisma.mjs), so this program speaks the binary's command line
// and JSON-RPC protocol over @prisma/schema-engine-wasm plus the project's
// driver adapters (better-sqlite3 for SQLite, pg for PostgreSQL).
// How it works and its traps: docs/offline-prisma.md.
//
//   schema-engine.mjs --version
//   schema-engine.mjs --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
//   schema-engine.mjs [--datamodels <file>…] [--datasource '{"url":…}']   (JSON-RPC on stdin/stdout)

import { EngineError, describeError, logLine } from './log.mjs';
import { engineHash } from './wasm-engine.mjs';
import { parseDatasourceUrl } from './datasource.mjs';

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cliCommand: undefined, version: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--version' || arg === '-V') args.version = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--datamodels') args.datamodels.push(argv[++i]);
    else if (arg === '--datasource') args.datasource = JSON.parse(argv[++i] ?? '{}');
    else if (arg === '--enabled-preview-features' || arg === '--extension-types') i++;
    else if (arg === 'cli') {
      args.cliCommand = argv[++i] ?? '';
      break;
    }
  }
  return args;
}

const CLI_COMMANDS = {
  'can-connect-to-database': 'canConnect',
  'create-database': 'createDatabase',
  'drop-database': 'dropDatabase',
};

/** `cli <command>`: answered without the wasm engine. Errors go to stderr as JSON, never on the first line. */
async function runCliCommand(command, datasource) {
  logLine('INFO', `Running schema engine CLI command ${command}`); // the CLI skips this first line
  try {
    const operation = CLI_COMMANDS[command];
    if (!operation) throw new EngineError(undefined, `Unknown schema engine CLI command: ${command}`);
    const ds = parseDatasourceUrl(datasource?.url);
    const { cliCommands } = await import(ds.kind === 'sqlite' ? './sqlite.mjs' : './postgres.mjs');
    await cliCommands[operation](ds);
    return 0;
  } catch (error) {
    const { code, message } = describeError(error);
    logLine('ERROR', message, code ? { error_code: code } : {});
    return 1;
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${engineHash()}\n`);
    return 0;
  }
  if (args.help) {
    process.stdout.write('Prisma schema engine (wasm shim). See docs/offline-prisma.md.\n');
    return 0;
  }
  if (args.cliCommand !== undefined) return runCliCommand(args.cliCommand, args.datasource);
  const { runServer } = await import('./server.mjs');
  await runServer({ datamodelFiles: args.datamodels, datasource: args.datasource });
  return undefined; // the server exits by itself when the CLI closes stdin
}

main().then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error) => {
    logLine('INFO', 'Schema engine shim failed');
    logLine('ERROR', describeError(error).message);
    process.exitCode = 1;
  },
);
