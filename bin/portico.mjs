#!/usr/bin/env node
// The `portico` command (package.json "bin"; `npx portico …` from the project directory).
// It registers tsx's ESM loader in this process — resolved from this project's own node_modules,
// with this project's tsconfig.json — then imports cli/main.ts and exits with its status.
// In-process rather than a child node, so there are no signals or exit codes to relay.
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);

let tsx;
try {
  tsx = await import('tsx/esm/api');
} catch {
  process.stderr.write(`portico: cannot load tsx from ${fileURLToPath(root)}node_modules. Run "npm install" in the project directory.\n`);
  process.exit(1);
}
tsx.register({ tsconfig: fileURLToPath(new URL('tsconfig.json', root)) });

const { main } = await import(new URL('cli/main.ts', root).href);
process.exitCode = await main(process.argv.slice(2));

// Every command disconnects from the database, so the process ends on its own; this unref'd timer
// only fires if some handle was left open, so a finished command never hangs the shell.
setTimeout(() => process.exit(), 2000).unref();
