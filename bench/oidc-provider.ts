/**
 * node-oidc-provider under test: bench/oidc-provider-server.ts in a child process (IPC channel for
 * minting codes through its models).
 *
 * Its default adapter is an LRU of 1,000–2,000 entries (two generations of 1,000), so thousands of
 * codes cannot wait in it ahead of a run: they would be evicted before use. Codes are therefore
 * minted in small rolling batches while the run goes on (a few in the provider process per
 * batch), keeping fewer than ~80 unused codes in the store at any time.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, ROOT } from '../tests/support/server.ts';
import { stopChild, track } from './processes.ts';
import { basic, exchangeCode, makePkce, pool, REDIRECT_URI, SERVICE_SCOPE, USER_SCOPE, type CodePool, type Target } from './target.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const START_TIMEOUT_MS = 60_000;
const BATCH = 40;
const LOW_WATER = 40;

type Message =
  | { type: 'ready'; issuer: string }
  | { type: 'codes'; id: number; codes: string[] }
  | { type: 'errors'; id: number; details: Record<string, number> }
  | { type: 'error'; id?: number; message: string };

export async function startOidcProvider(log: (s: string) => void): Promise<Target> {
  const port = await freePort();
  const clientId = `bench-${randomBytes(8).toString('base64url')}`;
  const clientSecret = `cs_${randomBytes(32).toString('base64url')}`;
  const pkce = makePkce();
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'oidc-provider-server.ts')], {
      cwd: path.resolve(HERE, '..'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        BENCH_PORT: String(port),
        BENCH_CLIENT_ID: clientId,
        BENCH_CLIENT_SECRET: clientSecret,
        BENCH_REDIRECT_URI: REDIRECT_URI,
        BENCH_CODE_CHALLENGE: pkce.challenge,
        BENCH_ACCOUNT_ID: `u_${randomBytes(12).toString('base64url')}`,
        BENCH_EMAIL: 'bench@example.com',
        BENCH_SERVICE_SCOPE: SERVICE_SCOPE,
        BENCH_USER_SCOPE: USER_SCOPE,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    }),
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));

  const waiting = new Map<number, { resolve: (value: never) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let ready: (issuer: string) => void;
  let failed: (e: Error) => void;
  const started = new Promise<string>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  child.on('message', (m: Message) => {
    if (m.type === 'ready') ready(m.issuer);
    else if (m.type === 'codes' || m.type === 'errors') {
      (waiting.get(m.id)?.resolve as ((v: unknown) => void) | undefined)?.(m.type === 'codes' ? m.codes : m.details);
      waiting.delete(m.id);
    } else if (m.type === 'error') {
      const e = new Error(`oidc-provider failed to mint codes: ${m.message}`);
      if (m.id !== undefined) waiting.get(m.id)?.reject(e);
      else failed(e);
    }
  });
  child.once('exit', (code) => {
    const e = new Error(`oidc-provider exited with ${code}:\n${output}`);
    failed(e);
    for (const w of waiting.values()) w.reject(e);
  });
  const timer = setTimeout(() => failed(new Error(`oidc-provider did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`)), START_TIMEOUT_MS);
  const stop = () => stopChild(child);

  try {
    const issuer = await started.finally(() => clearTimeout(timer));
    const base = `http://127.0.0.1:${port}`;
    log(`oidc-provider started, pid ${child.pid}, ${base}`);

    const ask = <T>(message: Record<string, unknown>) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve: resolve as (v: never) => void, reject });
        child.send({ ...message, id });
      });
    const mint = (n: number) => ask<string[]>({ type: 'codes', n });

    const target: Target = {
      label: 'oidc-provider',
      base,
      issuer,
      paths: { token: '/oauth/token', introspect: '/oauth/introspect', userinfo: '/oauth/userinfo' },
      serviceAuth: basic(clientId, clientSecret),
      webAuth: basic(clientId, clientSecret),
      pkce,
      freshAccessToken: async () => (await exchangeCode(target, (await mint(1))[0]!)).access_token,
      async codes(n) {
        const p = new RollingPool(n, mint);
        await p.prime();
        return p;
      },
      async refreshTokens(n) {
        const codes: string[] = [];
        while (codes.length < n) codes.push(...(await mint(Math.min(BATCH, n - codes.length))));
        const sets = await pool(codes, 8, (code) => exchangeCode(target, code));
        return sets.map((s) => s.refresh_token!);
      },
      notes: [],
      async diagnose() {
        const details = await ask<Record<string, number>>({ type: 'errors' });
        const entries = Object.entries(details);
        return entries.length ? `oidc-provider logged: ${entries.map(([k, v]) => `${v}× ${k}`).join('; ')}` : null;
      },
      stop,
    };
    await target.freshAccessToken(); // checks the whole flow once before any measurement
    const warnings = [...new Set(output.split('\n').filter((l) => /WARNING|NOTICE/i.test(l)).map((l) => l.trim()))];
    target.notes.push(
      `oidc-provider ${providerVersion()}: one client with all three grants, default in-memory adapter; codes minted via Grant + AuthorizationCode models in rolling batches of ${BATCH} during the run (its LRU store would evict thousands of codes made ahead).`,
      ...warnings.slice(0, 6).map((w) => `oidc-provider said: ${w}`),
    );
    return target;
  } catch (err) {
    await stop();
    throw err;
  }
}

function providerVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/oidc-provider/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '(version unknown)';
  }
}

/** Hands out codes minted a batch at a time, refilling in the background when it runs low. */
class RollingPool implements CodePool {
  private buffer: string[] = [];
  private requested = 0;
  private handed = 0;
  private pending = false;
  private closed = false;
  private misses = 0;
  private failure: Error | null = null;

  constructor(
    readonly total: number,
    private readonly mint: (n: number) => Promise<string[]>,
  ) {}

  readonly madePerSecond = null;

  get underruns() {
    return this.misses;
  }

  get describe() {
    return `${this.total} codes minted through oidc-provider's models in rolling batches of ${BATCH}${this.failure ? ` (minting failed: ${this.failure.message})` : ''}`;
  }

  async prime() {
    const first = Math.min(this.total, LOW_WATER + BATCH);
    this.requested = first;
    this.buffer = await this.mint(first);
  }

  take(): string | undefined {
    if (this.handed >= this.total) return undefined;
    const code = this.buffer.shift();
    if (code === undefined) {
      this.misses++;
      this.refill();
      return undefined;
    }
    this.handed++;
    this.refill();
    return code;
  }

  private refill() {
    if (this.pending || this.closed || this.buffer.length >= LOW_WATER || this.requested >= this.total) return;
    const n = Math.min(BATCH, this.total - this.requested);
    this.requested += n;
    this.pending = true;
    this.mint(n).then(
      (codes) => {
        this.pending = false;
        this.buffer.push(...codes);
        this.refill();
      },
      (err: Error) => {
        this.pending = false;
        this.failure = err;
      },
    );
  }

  close() {
    this.closed = true;
  }
}
