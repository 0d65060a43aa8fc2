/**
 * portico settings registration / show on a temporary SQLite data directory: main() in-process for
 * the cases, and once through bin/portico.mjs as a child process, as an operator would run it.
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

const run = (args: string[], env: Record<string, string> = {}) => runCli(dataDir, args, env);
const query = <T>(sql: string, ...params: unknown[]) => queryDataDir<T>(dataDir, sql, ...params);

const stored = () => query<{ value: string }>(`SELECT value FROM Setting WHERE key = 'registration'`)[0]?.value;
const audits = () => query<{ details: string }>(`SELECT details FROM AuditEvent WHERE action = 'settings.registration' ORDER BY createdAt`).map((r) => JSON.parse(r.details));

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'portico-cli-settings-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('portico settings', () => {
  it('shows the defaults before anything is stored: registration off without PORTICO_REGISTRATION_TOKEN', async () => {
    const r = await run(['settings', 'show', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ default_resource: null, registration: { mode: 'off', open_client_ttl_days: 30 }, registration_token_set: false });
    const withToken = await run(['settings', 'show', '--json'], { PORTICO_REGISTRATION_TOKEN: 'x'.repeat(32) });
    expect(JSON.parse(withToken.stdout)).toMatchObject({ registration: { mode: 'initial_access_token' }, registration_token_set: true });
  });

  it('opens registration with a client lifetime, stores it and audits it', async () => {
    const r = await run(['settings', 'registration', '--mode', 'open', '--ttl-days', '7', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ registration: { mode: 'open', open_client_ttl_days: 7 }, registration_token_set: false });
    expect(JSON.parse(stored()!)).toEqual({ mode: 'open', openClientTtlDays: 7 });
    expect(audits()).toEqual([{ mode: 'open', openClientTtlDays: 7 }]);
  });

  it('keeps the lifetime when only the mode changes, and says what the mode means', async () => {
    const r = await run(['settings', 'registration', '--mode', 'off']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Dynamic client registration is off');
    expect(r.stdout).toContain('no restart is needed');
    expect(JSON.parse(stored()!)).toEqual({ mode: 'off', openClientTtlDays: 7 });
    const show = await run(['settings', 'show']);
    expect(show.stdout).toMatch(/Registration:\s+off/);
    expect(show.stdout).toMatch(/Open client TTL:\s+7 days/);
  });

  it('warns when the initial access token mode is chosen without PORTICO_REGISTRATION_TOKEN here', async () => {
    const r = await run(['settings', 'registration', '--mode', 'initial_access_token']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PORTICO_REGISTRATION_TOKEN is not set in this environment');
    const withToken = await run(['settings', 'registration', '--mode', 'initial_access_token'], { PORTICO_REGISTRATION_TOKEN: 'x'.repeat(32) });
    expect(withToken.stdout).not.toContain('is not set');
  });

  it('exits 2 with a message on wrong flags, changing nothing', async () => {
    const before = stored();
    const cases: [string[], string][] = [
      [['settings', 'registration'], 'Missing --mode.'],
      [['settings', 'registration', '--mode', 'sometimes'], '--mode must be one of: off, open, initial_access_token'],
      [['settings', 'registration', '--mode', 'open', '--ttl-days', '0'], '--ttl-days must be a whole number of days from 1 to 3650'],
      [['settings', 'registration', '--mode', 'open', '--ttl-days', 'soon'], '--ttl-days must be a whole number'],
      [['settings', 'registration', '--mode', 'open', '--ttl-days', '3651'], '--ttl-days must be a whole number'],
      [['settings', 'registration', '--mode', 'open', '--force'], "'--force'"],
      [['settings', 'show', 'extra'], 'Unexpected argument'],
      [['settings', 'frobnicate'], 'Unknown command "settings frobnicate"'],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr, args.join(' ')).toContain(message);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
    expect(stored()).toBe(before);
  });

  it('is listed in the usage text', async () => {
    const r = await run(['help']);
    expect(r.stdout).toContain('settings show [--json]');
    expect(r.stdout).toContain('settings registration --mode open|off|initial_access_token [--ttl-days N]');
  });

  it('runs through bin/portico.mjs with exit status 0', () => {
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PORTICO_') && k !== 'DATABASE_URL'));
    const env: NodeJS.ProcessEnv = { ...base, NODE_ENV: process.env.NODE_ENV ?? 'test', PORTICO_DATA_DIR: dataDir };
    const r = spawnSync(process.execPath, [BIN, 'settings', 'registration', '--mode', 'open', '--json'], { cwd: dataDir, env, encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ registration: { mode: 'open', open_client_ttl_days: 7 } });
  });
});
