#!/usr/bin/env node
// Generates prisma/postgres/schema.prisma from prisma/schema.prisma, the one
// data model the project edits. Only two things differ: the datasource
// provider ("sqlite" → "postgresql") and the generated client's output
// directory. Everything else is copied as is, so both clients have the same API.
//
//   node scripts/prisma/sync-schemas.mjs           write the PostgreSQL schema
//   node scripts/prisma/sync-schemas.mjs --check   exit 1 if it is out of date

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sourcePath = join(root, 'prisma', 'schema.prisma');
const targetPath = join(root, 'prisma', 'postgres', 'schema.prisma');

const HEADER = [
  '// GENERATED FILE: do not edit. It is prisma/schema.prisma with the PostgreSQL',
  '// provider and client output; change prisma/schema.prisma and run',
  '// `node scripts/prisma/sync-schemas.mjs` instead (npm run db:generate does it too).',
  '',
];

/** Replaces exactly one match of `pattern` inside the given block kind, or throws. */
function replaceInBlock(schema, blockKind, pattern, replacement, what) {
  const blocks = [...schema.matchAll(new RegExp(`^${blockKind}\\s+\\w+\\s*\\{[^}]*\\}`, 'gm'))];
  const hits = blocks.filter((block) => pattern.test(block[0]));
  if (hits.length !== 1) {
    throw new Error(`prisma/schema.prisma: expected one ${blockKind} block with ${what}, found ${hits.length}.`);
  }
  const [block] = hits;
  const start = block.index ?? 0;
  return schema.slice(0, start) + block[0].replace(pattern, replacement) + schema.slice(start + block[0].length);
}

export function postgresSchemaFrom(sqliteSchema) {
  const eol = sqliteSchema.includes('\r\n') ? '\r\n' : '\n';
  let schema = replaceInBlock(sqliteSchema, 'datasource', /(provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'provider = "sqlite"');
  schema = replaceInBlock(
    schema,
    'generator',
    /(output\s*=\s*)"\.\.\/lib\/db\/generated\/sqlite"/,
    '$1"../../lib/db/generated/postgres"',
    'output = "../lib/db/generated/sqlite"',
  );
  return HEADER.join(eol) + schema;
}

function main() {
  const check = process.argv.includes('--check');
  const expected = postgresSchemaFrom(readFileSync(sourcePath, 'utf8'));
  const current = existsSync(targetPath) ? readFileSync(targetPath, 'utf8') : null;
  const shown = relative(process.cwd(), targetPath) || targetPath;
  if (check) {
    if (current === expected) return 0;
    console.error(`${shown} is out of date with prisma/schema.prisma. Run: node scripts/prisma/sync-schemas.mjs`);
    return 1;
  }
  if (current !== expected) {
    mkdirSync(dirname(targetPath), { recursive: true });
    writeFileSync(targetPath, expected);
    console.log(`Wrote ${shown}`);
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
