import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(path.join(tmpdir(), 'portico-config-')));

describe('configuration', () => {
  it('defaults to SQLite under the data dir and an issuer on localhost:$PORT', () => {
    const c = loadConfig({ PORTICO_DATA_DIR: fresh(), PORT: '4123' });
    expect(c.issuer).toBe('http://localhost:4123');
    expect(c.databaseUrl).toBe(`file:${path.join(dir, 'portico.db')}`);
    expect(c.secureCookies).toBe(false);
  });

  it('generates the secret once, readable only by its owner, and reuses it', () => {
    const first = loadConfig({ PORTICO_DATA_DIR: fresh() }).secret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(path.join(dir, 'secret')).mode & 0o777).toBe(0o600);
    expect(loadConfig({ PORTICO_DATA_DIR: dir }).secret).toBe(first);
    expect(readFileSync(path.join(dir, 'secret'), 'utf8').trim()).toBe(first);
  });

  it('takes PORTICO_ISSUER without a trailing slash and uses secure cookies for https', () => {
    const c = loadConfig({ PORTICO_DATA_DIR: fresh(), PORTICO_ISSUER: 'https://id.example.com/', PORTICO_SECRET: 's'.repeat(32) });
    expect(c.issuer).toBe('https://id.example.com');
    expect(c.secureCookies).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORTICO_ISSUER: 'ftp://id.example.com' }, /PORTICO_ISSUER must be an absolute http\(s\) URL/],
    [{ PORTICO_ISSUER: 'https://id.example.com/?x=1' }, /query or fragment/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with file:/],
    [{ PORTICO_SECRET: 'short' }, /at least 32 characters/],
    [{ PORTICO_CODE_TTL: '5' }, /PORTICO_CODE_TTL/],
  ])('names the bad variable: %o', (env, message) => {
    expect(() => loadConfig({ PORTICO_DATA_DIR: fresh(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ PORTICO_DATA_DIR: dir, ...env })).toThrow(message);
  });
});
