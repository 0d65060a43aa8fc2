/**
 * node-oidc-provider under test: bench/oidc-provider-server.ts in a child process, with an IPC
 * channel for minting codes through its models.
 *
 * Its default adapter keeps everything in an LRU of 1,000 entries per generation (two
 * generations): an entry is only sure to survive ~1,000 later insertions, and each code exchange
 * or refresh inserts several (grant, code, grant index, access and refresh token, re-promotions).
 * At the rates measured here an entry must be read again within ~50–80 ms or it is evicted, and
 * the request fails with invalid_grant. Measured while writing this: minting codes just in time
 * with up to 100 unused still lost 0.5% of them, with 50 (one per connection) the connections ran
 * dry; in a 3 s refresh run 9 of the 50 chains lost their refresh token. So the two measurements
 * that keep state between requests — (b) code exchange and (c) refresh — run on a second
 * instance, identical but for its store: the same MemoryAdapter class over a larger LRU (codes
 * minted ahead, as for Portico). (a), (d) and (e) run on the default adapter.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, ROOT } from '../tests/support/server.ts';
import { stopChild, track } from './processes.ts';
import { API_RESOURCE, API_SCOPE, basic, exchangeCode, makePkce, pool, preparedPool, REDIRECT_URI, SERVICE_SCOPE, USER_SCOPE, type Target } from './target.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const START_TIMEOUT_MS = 60_000;
/** Entries in the larger LRU of the instance used for (b) and (c). */
const STATEFUL_STORE = 1_000_000;
const STATEFUL_NOTE = `on a second instance whose MemoryAdapter has a ${STATEFUL_STORE.toLocaleString('en')}-entry LRU instead of the default 1,000 (which, at these rates, evicts codes and refresh tokens before they are used: see bench/oidc-provider.ts)`;

type Message =
  | { type: 'ready'; issuer: string }
  | { type: 'codes'; id: number; codes: string[] }
  | { type: 'errors'; id: number; details: Record<string, number> }
  | { type: 'error'; id?: number; message: string };

type Shared = { clientId: string; clientSecret: string; pkce: { verifier: string; challenge: string }; accountId: string };

type Instance = {
  child: ChildProcess;
  base: string;
  issuer: string;
  output: () => string;
  mint(n: number): Promise<string[]>;
  errors(): Promise<Record<string, number>>;
  stop(): Promise<void>;
};

async function spawnProvider(shared: Shared, storeSize?: number): Promise<Instance> {
  const port = await freePort();
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'oidc-provider-server.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        BENCH_PORT: String(port),
        BENCH_CLIENT_ID: shared.clientId,
        BENCH_CLIENT_SECRET: shared.clientSecret,
        BENCH_REDIRECT_URI: REDIRECT_URI,
        BENCH_CODE_CHALLENGE: shared.pkce.challenge,
        BENCH_ACCOUNT_ID: shared.accountId,
        BENCH_EMAIL: 'bench@example.com',
        BENCH_SERVICE_SCOPE: SERVICE_SCOPE,
        BENCH_API_RESOURCE: API_RESOURCE,
        BENCH_API_SCOPE: API_SCOPE,
        BENCH_USER_SCOPE: USER_SCOPE,
        ...(storeSize ? { BENCH_STORE_SIZE: String(storeSize) } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    }),
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));

  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let ready!: (issuer: string) => void;
  let failed!: (e: Error) => void;
  const started = new Promise<string>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  child.on('message', (m: Message) => {
    if (m.type === 'ready') ready(m.issuer);
    else if (m.type === 'codes' || m.type === 'errors') {
      waiting.get(m.id)?.resolve(m.type === 'codes' ? m.codes : m.details);
      waiting.delete(m.id);
    } else if (m.type === 'error') {
      const e = new Error(`oidc-provider failed: ${m.message}`);
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
  let issuer: string;
  try {
    issuer = await started.finally(() => clearTimeout(timer));
  } catch (err) {
    await stop();
    throw err;
  }
  const ask = <T>(message: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ ...message, id });
    });
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    issuer,
    output: () => output,
    mint: (n) => ask<string[]>({ type: 'codes', n }),
    errors: () => ask<Record<string, number>>({ type: 'errors' }),
    stop,
  };
}

function providerVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/oidc-provider/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '(version unknown)';
  }
}

const describeErrors = (details: Record<string, number>) => {
  const entries = Object.entries(details);
  return entries.length ? `oidc-provider logged: ${entries.map(([k, v]) => `${v}× ${k}`).join('; ')}` : null;
};

export async function startOidcProvider(log: (s: string) => void): Promise<Target> {
  const shared: Shared = {
    clientId: `bench-${randomBytes(8).toString('base64url')}`,
    clientSecret: `cs_${randomBytes(32).toString('base64url')}`,
    pkce: makePkce(),
    accountId: `u_${randomBytes(12).toString('base64url')}`,
  };
  const main = await spawnProvider(shared);
  log(`oidc-provider started, pid ${main.child.pid}, ${main.base} (default in-memory adapter)`);
  /** The instance with a larger store, for (b) and (c) only; started on first use. */
  let stateful: Instance | null = null;
  const statefulServer = async (): Promise<Instance> => {
    if (!stateful) {
      stateful = await spawnProvider(shared, STATEFUL_STORE);
      log(`oidc-provider for (b) and (c) started, pid ${stateful.child.pid}, ${stateful.base} (its MemoryAdapter over a ${STATEFUL_STORE}-entry LRU)`);
    }
    return stateful;
  };

  const stop = async () => {
    await Promise.all([main.stop(), stateful?.stop()]);
  };

  try {
    const auth = basic(shared.clientId, shared.clientSecret);
    const target: Target = {
      label: 'oidc-provider',
      base: main.base,
      issuer: main.issuer,
      paths: { token: '/oauth/token', introspect: '/oauth/introspect', userinfo: '/oauth/userinfo' },
      serviceAuth: auth,
      webAuth: auth,
      pkce: shared.pkce,
      // (b) and (c) run on the stateful instance once it exists; the other one idles meanwhile.
      servingPids: () => [main.child.pid!, ...(stateful ? [stateful.child.pid!] : [])],
      freshAccessToken: async () => (await exchangeCode(target, (await main.mint(1))[0]!)).access_token,
      async codes(n) {
        const server = await statefulServer();
        const started = performance.now();
        const codes: string[] = [];
        while (codes.length < n) codes.push(...(await server.mint(Math.min(1000, n - codes.length))));
        const rate = codes.length / ((performance.now() - started) / 1000);
        return preparedPool(codes, `${codes.length} codes minted ahead through oidc-provider's Grant + AuthorizationCode models, ${STATEFUL_NOTE}`, rate, server.base);
      },
      async refreshTokens(n) {
        const server = await statefulServer();
        const codes: string[] = [];
        while (codes.length < n) codes.push(...(await server.mint(Math.min(100, n - codes.length))));
        const sets = await pool(codes, 8, (code) => exchangeCode({ ...target, base: server.base }, code));
        return { tokens: sets.map((s) => s.refresh_token!), base: server.base };
      },
      statefulNote: STATEFUL_NOTE,
      async diagnose() {
        const [a, b] = await Promise.all([main.errors(), stateful?.errors() ?? Promise.resolve({})]);
        return describeErrors({ ...a, ...b });
      },
      async statefulDone() {
        await stateful?.stop();
        stateful = null;
      },
      notes: [],
      stop,
    };
    await target.freshAccessToken(); // checks the whole flow once before any measurement
    const warnings = [...new Set(main.output().split('\n').filter((l) => /WARNING|NOTICE/i.test(l)).map((l) => l.trim()))];
    target.notes.push(
      `oidc-provider ${providerVersion()}: one confidential client (client_secret_basic) with all three grants, PKCE required, opaque access tokens, rotating refresh tokens, RS256 ID tokens with the user's claims (conformIdTokenClaims: false), its default in-memory adapter for (a), (d), (e); for (b) and (c) the same adapter with a larger store (see their notes).`,
      ...warnings.slice(0, 6).map((w) => `oidc-provider said: ${w}`),
    );
    return target;
  } catch (err) {
    await stop();
    throw err;
  }
}
