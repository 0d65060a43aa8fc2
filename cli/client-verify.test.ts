/**
 * portico client verify / unverify on a temporary SQLite data directory: main() in-process for the
 * cases, and once through bin/portico.mjs as a child process, as an operator would run it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDataDir, runCli } from './test-support.ts';

const BIN = fileURLToPath(new URL('../bin/portico.mjs', import.meta.url));

let dataDir: string;
let clientId: string;

const run = (...args: string[]) => runCli(dataDir, args);
const query = <T>(sql: string, ...params: unknown[]) => queryDataDir<T>(dataDir, sql, ...params);

const verifiedColumn = () => query<{ verified: number }>('SELECT verified FROM Client WHERE id = ?', clientId)[0]?.verified;
const auditRows = () =>
  query<{ action: string; actorUserId: string | null; details: string }>(
    "SELECT action, actorUserId, details FROM AuditEvent WHERE clientId = ? AND action LIKE 'client.%verified' ORDER BY createdAt",
    clientId,
  );

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'portico-cli-verify-'));
  const created = await run('client', 'create', '--name', 'Notes', '--redirect-uri', 'https://notes.example.com/cb', '--json');
  expect(created.code, created.stderr).toBe(0);
  clientId = JSON.parse(created.stdout).client_id;
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('portico client verify / unverify', () => {
  it('verifies an app, prints JSON with --json, and records the change as the operator', async () => {
    const r = await run('client', 'verify', clientId, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ client_id: clientId, client_name: 'Notes', verified: true, changed: true });
    expect(verifiedColumn()).toBe(1);
    expect(auditRows()).toEqual([{ action: 'client.verified', actorUserId: null, details: JSON.stringify({ name: 'Notes' }) }]);
  });

  it('says so when nothing changes, and writes no second audit record', async () => {
    const r = await run('client', 'verify', clientId);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('was already verified; nothing changed');
    expect(auditRows()).toHaveLength(1);
  });

  it('unverifies with a sentence for humans', async () => {
    const r = await run('client', 'unverify', clientId);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`"Notes" (${clientId}) is no longer verified`);
    expect(verifiedColumn()).toBe(0);
    expect(auditRows().map((row) => row.action)).toEqual(['client.verified', 'client.unverified']);
  });

  it('exits 1 naming an unknown client ID, without a stack trace', async () => {
    const r = await run('client', 'verify', 'no-such-client', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('No application has the client ID "no-such-client"');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 2 without exactly one client ID or with an unknown flag', async () => {
    for (const args of [['client', 'verify'], ['client', 'unverify', 'a', 'b'], ['client', 'verify', clientId, '--force']]) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Run "portico help" for usage.');
    }
    expect((await run('client', 'verify')).stderr).toContain('Missing <client_id>.');
    expect(verifiedColumn()).toBe(0);
  });

  it('is listed in the usage text', async () => {
    const r = await run('help');
    expect(r.stdout).toContain('client verify <client_id>');
    expect(r.stdout).toContain('client unverify <client_id>');
  });

  it('runs through bin/portico.mjs with exit status 0', () => {
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PORTICO_') && k !== 'DATABASE_URL'));
    const env: NodeJS.ProcessEnv = { ...base, NODE_ENV: process.env.NODE_ENV ?? 'test', PORTICO_DATA_DIR: dataDir };
    const r = spawnSync(process.execPath, [BIN, 'client', 'verify', clientId, '--json'], { cwd: dataDir, env, encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ client_id: clientId, verified: true, changed: true });
  });
});
