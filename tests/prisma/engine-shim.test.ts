// The schema-engine shim as the Prisma CLI sees it: its version line, the
// `cli` sub-commands with errors where the CLI looks for them, and the
// JSON-RPC session (including the engine-to-CLI `print` call).

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, SHIM, postgresUrl, randomDatabaseName, runNode, tempDir, withPostgres, dropPostgresDatabase } from './helpers.ts';

const wasmVersion = JSON.parse(
  readFileSync(join(ROOT, 'node_modules', '@prisma', 'schema-engine-wasm', 'package.json'), 'utf8'),
) as { version: string };

function cliCommand(url: string, command: string) {
  return runNode([SHIM, '--datasource', JSON.stringify({ url }), 'cli', command]);
}

/** stderr as the CLI reads it: the first line is skipped, every other line must be JSON. */
function errorLines(stderr: string) {
  return stderr
    .trimEnd()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => JSON.parse(line) as { level: string; fields: { message: string; error_code?: string } });
}

describe('schema-engine shim', () => {
  const dir = tempDir('portico-shim-');
  afterAll(() => dir.remove());

  it('answers --version with the wasm engine hash, without starting the engine', async () => {
    const result = await runNode([SHIM, '--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(`schema-engine-cli ${wasmVersion.version.split('.').pop()}`);
  });

  it('reports a missing SQLite database as P1003 on a later stderr line', async () => {
    const result = await cliCommand(`file:${join(dir.path, 'missing.db')}`, 'can-connect-to-database');
    expect(result.code).toBe(1);
    const [error] = errorLines(result.stderr).filter((line) => line.level === 'ERROR');
    expect(error?.fields.error_code).toBe('P1003');
  });

  it('creates and drops a SQLite database', async () => {
    const url = `file:${join(dir.path, 'nested', 'created.db')}`;
    expect((await cliCommand(url, 'create-database')).code).toBe(0);
    expect(existsSync(join(dir.path, 'nested', 'created.db'))).toBe(true);
    expect((await cliCommand(url, 'can-connect-to-database')).code).toBe(0);
    expect((await cliCommand(url, 'drop-database')).code).toBe(0);
    expect(existsSync(join(dir.path, 'nested', 'created.db'))).toBe(false);
  });

  it('creates and drops a PostgreSQL database', async () => {
    const name = randomDatabaseName();
    const url = postgresUrl(name);
    try {
      expect((await cliCommand(url, 'can-connect-to-database')).code).toBe(1);
      expect((await cliCommand(url, 'create-database')).code).toBe(0);
      expect((await cliCommand(url, 'can-connect-to-database')).code).toBe(0);
      expect((await cliCommand(url, 'drop-database')).code).toBe(0);
      const left = await withPostgres((c) => c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]));
      expect(left.rowCount).toBe(0);
    } finally {
      await dropPostgresDatabase(name);
    }
  });

  it('speaks JSON-RPC: diff output goes through a print call, void is null, unknown methods fail', async () => {
    const schema = readFileSync(join(ROOT, 'prisma', 'schema.prisma'), 'utf8');
    const child = spawn(process.execPath, [SHIM, '--datasource', JSON.stringify({ url: `file:${join(dir.path, 'rpc.db')}` })], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    interface Message {
      jsonrpc: string;
      id: number | string;
      method?: string;
      params?: { content: string };
      result?: unknown;
      error?: { code: number; data: { is_panic: boolean; message: string } };
    }
    const received: Message[] = [];
    const waiting: Array<(message: Message) => void> = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as Message;
      const waiter = waiting.shift();
      if (waiter) waiter(message);
      else received.push(message);
    });
    const next = () => new Promise<Message>((resolve) => (received.length > 0 ? resolve(received.shift()!) : waiting.push(resolve)));
    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'diff',
      params: {
        from: { tag: 'empty' },
        to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
        script: true,
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      },
    });
    const print = await next();
    expect(print.method).toBe('print');
    expect(print.params?.content).toContain('CREATE TABLE "User"');
    send({ jsonrpc: '2.0', id: print.id, result: {} });
    const diff = await next();
    expect(diff).toMatchObject({ id: 1, result: { exitCode: 2 } });

    send({ jsonrpc: '2.0', id: 2, method: 'dbExecute', params: { datasourceType: { tag: 'url', url: `file:${join(dir.path, 'rpc.db')}` }, script: 'CREATE TABLE t (x INTEGER)' } });
    expect(await next()).toEqual({ jsonrpc: '2.0', id: 2, result: null });

    send({ jsonrpc: '2.0', id: 3, method: 'noSuchMethod', params: {} });
    expect((await next()).error?.code).toBe(-32601);

    send({ jsonrpc: '2.0', id: 4, method: 'dbExecute', params: { datasourceType: { tag: 'url', url: `file:${join(dir.path, 'rpc.db')}` }, script: 'SELECT nope FROM nothing' } });
    const failed = await next();
    expect(failed.error?.data.is_panic).toBe(false);
    expect(failed.error?.data.message).toMatch(/nothing|syntax/);

    child.stdin.end();
    expect(await exited).toBe(0);
  });
});
