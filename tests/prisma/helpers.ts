// Shared by the tests of the offline Prisma tooling: running the project's
// scripts as a developer would, temporary SQLite files, and throwaway
// PostgreSQL databases.

import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHIM = join(ROOT, 'prisma', 'engine', 'schema-engine.mjs');

/** Where the PostgreSQL tests create their databases; any database on the server will do. */
export const POSTGRES_BASE_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node <args>` from the project root; never rejects. */
export function runNode(args: string[], env: Record<string, string | undefined> = {}, input?: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      args,
      { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** `node scripts/prisma/prisma.mjs <variant> …` against the given database. */
export function prismaCli(variant: 'sqlite' | 'postgres', databaseUrl: string, args: string[]): Promise<RunResult> {
  return runNode([join(ROOT, 'scripts', 'prisma', 'prisma.mjs'), variant, ...args], { DATABASE_URL: databaseUrl });
}

export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The migration directory names of a variant, in order. */
export function committedMigrations(variant: 'sqlite' | 'postgres'): string[] {
  const dir = variant === 'sqlite' ? join(ROOT, 'prisma', 'migrations') : join(ROOT, 'prisma', 'postgres', 'migrations');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}

/** Every model of the data model, read from the schema: the migrations must create each one. */
export const MODEL_TABLES = [...readFileSync(join(ROOT, 'prisma', 'schema.prisma'), 'utf8').matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!);

export function randomDatabaseName(): string {
  return `portico_t_${randomBytes(5).toString('hex')}`;
}

export function postgresUrl(database: string): string {
  const url = new URL(POSTGRES_BASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `fn` with a client on the base database. */
export async function withPostgres<T>(fn: (client: pg.Client) => Promise<T>, url = POSTGRES_BASE_URL): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropPostgresDatabase(name: string): Promise<void> {
  await withPostgres((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export async function postgresDatabasesLike(pattern: string): Promise<string[]> {
  return withPostgres(async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [pattern]);
    return rows.map((row) => row.datname);
  });
}
