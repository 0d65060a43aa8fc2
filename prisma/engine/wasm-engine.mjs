// Loads @prisma/schema-engine-wasm by hand. Its ESM entry does
// `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20 refuses
// without --experimental-wasm-modules, so the .wasm file is instantiated here
// against the package's own JS glue (schema_engine_bg.js).

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const glueFile = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
const packageDir = dirname(glueFile);

/** The engine commit hash, read from the package version (e.g. 8.1.0-2.<hash>), without loading the wasm. */
export function engineHash() {
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  return String(version).split('.').pop();
}

/** Panic messages reported by the wasm engine (Rust `panic!`) just before it traps. */
export const panics = { last: /** @type {string | null} */ (null) };

/** @returns {Promise<typeof import('@prisma/schema-engine-wasm')>} */
export async function loadWasmEngine() {
  // Must exist before the module runs: the panic hook calls it from inside the wasm.
  globalThis.PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message) {
      panics.last = String(message);
    },
  };
  const glue = await import(glueFile);
  const bytes = readFileSync(join(packageDir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}
