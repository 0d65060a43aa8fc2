/**
 * The portico CLI, run for real: `node bin/portico.mjs …` as a child process against a temporary
 * data directory (SQLite), and once against a fresh PostgreSQL database.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ACCESS_TOKEN_TTL } from '../lib/config.ts';
import { sha256 } from '../lib/oidc/tokens.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'portico.mjs');

type Result = { code: number | null; stdout: string; stderr: string };

/** The environment a user would have, minus anything Portico reads, plus `env`. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PORTICO_') && k !== 'DATABASE_URL'));
  return { ...base, ...env } as NodeJS.ProcessEnv;
}

function runCli(args: string[], env: Record<string, string>, cwd: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cleanEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function expectNoStackTrace(result: Result) {
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stdout).not.toMatch(/^\s+at /m);
}

describe('portico CLI on SQLite', () => {
  let dataDir: string;
  const run = (...args: string[]) => runCli(args, { PORTICO_DATA_DIR: dataDir }, dataDir);
  const dbFile = () => path.join(dataDir, 'portico.db');
  const query = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = new Database(dbFile(), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'portico-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints usage for help, --help and no arguments', async () => {
    for (const args of [[], ['help'], ['--help'], ['client', 'create', '--help']]) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('Usage: portico');
      expect(r.stdout).toContain('client create');
    }
  });

  it('creates a user on a fresh data directory, and refuses a duplicate email', async () => {
    const r = await run('user', 'create', '--email', 'Ada@Example.com', '--password', 'correct horse battery', '--name', 'Ada', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['email', 'id']);
    expect(out.email).toBe('ada@example.com');
    const [row] = query<{ email: string; name: string; passwordHash: string; isAdmin: number }>('SELECT * FROM User WHERE id = ?', out.id);
    expect(row).toMatchObject({ email: 'ada@example.com', name: 'Ada', isAdmin: 0 });
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);

    const dup = await run('user', 'create', '--email', 'ada@example.com', '--password', 'another password');
    expect(dup.code).toBe(1);
    expect(dup.stdout).toBe('');
    expect(dup.stderr).toContain('already exists');
    expectNoStackTrace(dup);
  });

  it('reports validation problems with the flag that caused them', async () => {
    const r = await run('user', 'create', '--email', 'not-an-email', '--password', 'short');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--email: Enter a valid email address');
    expect(r.stderr).toContain('--password: Use at least 8 characters');
    expectNoStackTrace(r);
  });

  it('creates a web client whose secret is stored only as its SHA-256 hash', async () => {
    const r = await run('client', 'create', '--name', 'Web App', '--redirect-uri', 'https://app.example.com/callback',
      '--redirect-uri', 'http://localhost:3001/callback', '--post-logout-redirect-uri', 'https://app.example.com/', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      client_name: 'Web App',
      redirect_uris: ['https://app.example.com/callback', 'http://localhost:3001/callback'],
      post_logout_redirect_uris: ['https://app.example.com/'],
      grant_types: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_method: 'client_secret_basic',
      scope: 'openid profile email phone address offline_access',
      issuer: 'http://localhost:3000',
    });
    expect(out.client_id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(out.client_secret).toMatch(/^cs_[A-Za-z0-9_-]{43}$/);

    const [client] = query<Record<string, unknown>>('SELECT * FROM Client WHERE id = ?', out.client_id);
    expect(client).toMatchObject({ type: 'web', tokenEndpointAuthMethod: 'client_secret_basic', accessTokenTtl: 3600, refreshTokenTtl: 2_592_000 });
    expect(JSON.parse(client!.redirectUris as string)).toEqual(out.redirect_uris);
    const secrets = query<{ hash: string; last4: string }>('SELECT * FROM ClientSecret WHERE clientId = ?', out.client_id);
    expect(secrets).toEqual([expect.objectContaining({ hash: sha256(out.client_secret), last4: out.client_secret.slice(-4) })]);

    // The plaintext secret is nowhere in the database: not in any file SQLite wrote (database, WAL),
    // which do hold the client's other values.
    const files = readdirSync(dataDir).filter((f) => f.startsWith('portico.db'));
    const bytes = Buffer.concat(files.map((f) => readFileSync(path.join(dataDir, f))));
    expect(bytes.includes(out.client_id)).toBe(true);
    expect(bytes.includes(sha256(out.client_secret))).toBe(true);
    expect(bytes.includes(out.client_secret)).toBe(false);
    expect(bytes.includes(out.client_secret.slice(3))).toBe(false);
  });

  it('creates a public SPA client with no secret', async () => {
    const r = await run('client', 'create', '--name', 'SPA', '--type', 'spa', '--redirect-uri', 'https://spa.example.com/cb', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).not.toHaveProperty('client_secret');
    expect(out.token_endpoint_auth_method).toBe('none');
    expect(out.grant_types).toEqual(['authorization_code', 'refresh_token']);
    const [client] = query<Record<string, unknown>>('SELECT * FROM Client WHERE id = ?', out.client_id);
    expect(client).toMatchObject({ type: 'spa', tokenEndpointAuthMethod: 'none', accessTokenTtl: 900, refreshTokenTtl: 86_400 });
    expect(query('SELECT * FROM ClientSecret WHERE clientId = ?', out.client_id)).toEqual([]);
  });

  it('prints human output with a one-time warning for the secret', async () => {
    const r = await run('client', 'create', '--name', 'Service', '--type', 'service', '--scope', 'reports:read');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Client secret:\s+cs_/);
    expect(r.stdout).toContain('client_credentials');
    expect(r.stdout).toContain('it will not be shown again');
  });

  it('refuses an invalid redirect URI, naming the URI and the rule', async () => {
    const r = await run('client', 'create', '--name', 'Bad', '--redirect-uri', 'http://app.example.com/cb', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--redirect-uri: Redirect URI "http://app.example.com/cb" must use https');
    expectNoStackTrace(r);

    const native = await run('client', 'create', '--name', 'Bad', '--redirect-uri', 'myapp:/cb');
    expect(native.code).toBe(1);
    expect(native.stderr).toContain('"myapp:/cb" may use a custom scheme only for native apps');
    expect(query('SELECT id FROM Client WHERE name = ?', 'Bad')).toEqual([]);
  });

  it('exits 2 on usage errors', async () => {
    const unknownFlag = await run('client', 'create', '--name', 'X', '--redirect-uri', 'https://x.example/cb', '--bogus');
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toContain("'--bogus'");
    expectNoStackTrace(unknownFlag);
    expect((await run('client', 'create', '--redirect-uri', 'https://x.example/cb')).stderr).toContain('Missing --name');
    expect((await run('client', 'create', '--name', 'X', '--type', 'desktop')).code).toBe(2);
    expect((await run('user', 'create', '--email', 'a@b.co', '--password', 'long enough', 'extra')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
  });

  it('bootstraps Development, Staging and Production clients', async () => {
    const r = await run('bootstrap', '--name', 'Shop', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.issuer).toBe('http://localhost:3000');
    expect(Object.keys(out.clients)).toEqual(['development', 'staging', 'production']);
    const clients = Object.values(out.clients) as Record<string, unknown>[];
    expect(clients.map((c) => c.client_name)).toEqual(['Shop (Development)', 'Shop (Staging)', 'Shop (Production)']);
    for (const c of clients) {
      expect(c.client_secret).toMatch(/^cs_/);
      expect(c.redirect_uris).toEqual(['http://localhost:3001/callback']);
      expect(c.token_endpoint_auth_method).toBe('client_secret_basic');
    }
    expect(new Set(clients.map((c) => c.client_id)).size).toBe(3);
    expect(query('SELECT id FROM Client WHERE name LIKE ?', 'Shop (%')).toHaveLength(3);
  });

  it('rotates signing keys, keeping the old public keys published', async () => {
    type Key = { kid: string; retiredAt: string | number | null; publishUntil: string | number | null };
    // Prisma's SQLite adapter stores DateTime as ISO text (older versions: epoch milliseconds).
    const ms = (v: string | number | null) => (typeof v === 'number' ? v : Date.parse(String(v)));
    const keys = () => query<Key>('SELECT kid, retiredAt, publishUntil FROM SigningKey');

    const first = await run('keys', 'rotate', '--json');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const a = JSON.parse(first.stdout);
    expect(a.kids).toHaveLength(3);

    const second = await run('keys', 'rotate', '--json');
    expect(second.code).toBe(0);
    const b = JSON.parse(second.stdout);
    expect(b.kids).toHaveLength(3);
    expect(b.kids.some((kid: string) => a.kids.includes(kid))).toBe(false);
    expect([...b.retired_kids].sort()).toEqual([...a.kids].sort());

    const rows = keys();
    const active = rows.filter((k) => k.retiredAt === null).map((k) => k.kid);
    expect(active.sort()).toEqual([...b.kids].sort());
    const retired = rows.filter((k) => a.kids.includes(k.kid));
    expect(retired).toHaveLength(3);
    // The new keys sign 2 × the reload interval (60 s by default) after they are published;
    // the old ones sign until then and stay published until every token they signed has expired:
    // the longest access token lifetime (longer than the default ID token's hour).
    const activatesAt = Date.parse(b.activates_at);
    expect(Math.abs(activatesAt - (Date.now() + 120_000))).toBeLessThan(10_000);
    for (const k of retired) {
      expect(ms(k.retiredAt)).toBe(activatesAt);
      expect(ms(k.publishUntil)).toBe(activatesAt + MAX_ACCESS_TOKEN_TTL * 1000);
    }
    expect(Date.parse(b.retired_keys_published_until)).toBe(ms(retired[0]!.publishUntil));
  });

  it('applies migrations with db migrate, and reports an unreachable database in one paragraph', async () => {
    const migrate = await run('db', 'migrate');
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain('up to date');

    const r = await runCli(['client', 'create', '--name', 'X', '--redirect-uri', 'https://x.example/cb'],
      { PORTICO_DATA_DIR: dataDir, DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/portico' }, dataDir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^portico: Could not apply the database migrations\. Cannot reach PostgreSQL/);
    expectNoStackTrace(r);

    const config = await runCli(['db', 'migrate'], { PORTICO_DATA_DIR: dataDir, PORTICO_SECRET: 'too short' }, dataDir);
    expect(config.code).toBe(1);
    expect(config.stderr).toContain('PORTICO_SECRET must be at least 32 characters');
    expectNoStackTrace(config);
  });
});

describe('portico CLI on PostgreSQL', () => {
  const admin = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' };
  const database = `portico_cli_${randomBytes(6).toString('hex')}`;
  const databaseUrl = `postgresql://postgres@127.0.0.1:5432/${database}`;
  let dataDir: string;

  async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>, db = admin.database): Promise<T> {
    const client = new pg.Client({ ...admin, database: db });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'portico-cli-pg-'));
    await withAdmin((c) => c.query(`CREATE DATABASE ${database}`));
  });
  afterAll(async () => {
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('migrates a fresh database and creates a client in it', async () => {
    const r = await runCli(['client', 'create', '--name', 'PG App', '--redirect-uri', 'https://pg.example.com/cb', '--json'],
      { PORTICO_DATA_DIR: dataDir, DATABASE_URL: databaseUrl }, dataDir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.client_secret).toMatch(/^cs_/);
    const rows = await withAdmin(
      (c) => c.query('SELECT c.type, s.hash FROM "Client" c JOIN "ClientSecret" s ON s."clientId" = c.id WHERE c.id = $1', [out.client_id]),
      database,
    );
    expect(rows.rows).toEqual([{ type: 'web', hash: sha256(out.client_secret) }]);
  });
});
