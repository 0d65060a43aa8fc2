/**
 * Portico under test: the production server (scripts/start.ts --no-build) spawned exactly as
 * tests/support/server.ts does, on a fresh database, seeded through the same use cases the tests
 * use, with a user signed in over HTTP (next-auth) whose consent is granted. Codes come from real
 * GET /oauth/authorize requests carrying that session.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Agent } from '../tests/support/browserless.ts';
import { createTestDatabase, type DatabaseKind } from '../tests/support/databases.ts';
import { grantConsent, makeClient, makeUser, openDb, PASSWORD } from '../tests/support/fixtures.ts';
import { freePort, ROOT, serverEnv } from '../tests/support/server.ts';
import { onCleanup, stopChild, track } from './processes.ts';
import {
  basic,
  exchangeCode,
  makePkce,
  pool,
  preparedPool,
  REDIRECT_URI,
  SERVICE_SCOPE,
  API_RESOURCE,
  API_SCOPE,
  USER_SCOPE,
  type Target,
} from './target.ts';

const START_TIMEOUT_MS = 120_000;
export const BENCH_TOKEN_RATE_LIMIT = 1_000_000;
/** Concurrent authorize requests while making codes. */
const AUTHORIZE_CONCURRENCY = 16;

export async function startPortico(kind: DatabaseKind, log: (s: string) => void, profileDir?: string): Promise<Target> {
  const database = await createTestDatabase(kind);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await database.drop();
  };
  onCleanup(drop);

  const port = await freePort();
  const child = track(
    spawn(process.execPath, [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '--import', 'tsx', path.join(ROOT, 'scripts/start.ts'), '--no-build'], {
      cwd: ROOT,
      // The per-client token limit (10,000/s by default) would cap one client's load below what the
      // server can do; the peer has none. The limiter still runs on every request.
      env: serverEnv(database, port, { PORTICO_TOKEN_RATE_LIMIT: String(BENCH_TOKEN_RATE_LIMIT) }),
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  // The last 64 KB of what the server printed (it logs a line per request), for error messages.
  let output = '';
  const keep = (d: Buffer) => (output = (output + d).slice(-65_536));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Portico (${kind}) did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`)), START_TIMEOUT_MS);
    const check = () => {
      if (output.includes('Portico is running')) {
        clearTimeout(timer);
        child.off('exit', onExit);
        // Stop scanning: the server logs a line per request, and re-reading all of it per chunk
        // would take the load generator's CPU.
        child.stdout!.off('data', check);
        resolve();
      }
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`Portico (${kind}) exited with ${code} while starting:\n${output}`));
    };
    child.stdout!.on('data', check);
    child.once('exit', onExit);
  });
  const stop = async () => {
    await stopChild(child);
    await drop();
  };

  try {
    const issuer = `http://localhost:${port}`;
    const base = `http://127.0.0.1:${port}`;
    log(`Portico (${kind}) started, pid ${child.pid}, ${base}`);

    // Seed through the same use cases as the tests (and the CLI/portal).
    const db = await openDb(database.url);
    const email = `bench-${randomBytes(4).toString('hex')}@example.com`;
    let user: { id: string };
    let web: { id: string; secret: string | null };
    let svc: { id: string; secret: string | null };
    try {
      user = await makeUser(db, email);
      web = await makeClient(db, { name: 'Bench RP', type: 'web', redirectUris: [REDIRECT_URI] });
      svc = await makeClient(db, { name: 'Bench Service', type: 'service', redirectUris: [], scope: SERVICE_SCOPE });
      await db.apiResource.create({
        data: {
          id: 'api_bench', identifier: API_RESOURCE, name: 'Bench API', tokenFormat: 'jwt',
          scopes: { create: [{ name: API_SCOPE, description: 'Read bench data' }] },
          access: { create: [{ clientId: svc.id, requestedScope: API_SCOPE, approvedScope: API_SCOPE }] },
        },
      });
      await grantConsent(db, user.id, web.id, USER_SCOPE.split(' '));
    } finally {
      await db.$disconnect();
    }

    const agent = new Agent(issuer);
    if (!(await agent.signIn(email, PASSWORD))) throw new Error(`signing in to Portico failed:\n${output.slice(-2000)}`);
    const cookie = agent.jar.header();
    const pkce = makePkce();
    let accessTokens = 0;

    /** One real authorization request with the signed-in session; returns the code from the redirect. */
    const authorize = async (i: number): Promise<string> => {
      const url = new URL('/oauth/authorize', base);
      const state = `s${i}`;
      url.search = new URLSearchParams({
        client_id: web.id,
        redirect_uri: REDIRECT_URI,
        response_type: 'code',
        scope: USER_SCOPE,
        state,
        nonce: `n${i}-${randomBytes(6).toString('base64url')}`,
        code_challenge: pkce.challenge,
        code_challenge_method: 'S256',
      }).toString();
      const res = await fetch(url, { headers: { cookie }, redirect: 'manual' });
      const location = res.headers.get('location');
      await res.arrayBuffer();
      const callback = location ? new URL(location, base) : null;
      const code = callback?.searchParams.get('code');
      if (res.status < 300 || res.status >= 400 || !callback || callback.origin + callback.pathname !== REDIRECT_URI || !code || callback.searchParams.get('state') !== state) {
        throw new Error(`authorize did not redirect back with a code (${res.status} → ${location})`);
      }
      return code;
    };

    const target: Target = {
      label: `Portico (${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`,
      base,
      issuer,
      paths: { token: '/oauth/token', introspect: '/oauth/introspect', userinfo: '/oauth/userinfo' },
      serviceAuth: basic(svc.id, svc.secret!),
      webAuth: basic(web.id, web.secret!),
      pkce,
      servingPids: () => [child.pid!], // the protocol server (Next's process idles; PostgreSQL's are not counted)
      freshAccessToken: async () => (await exchangeCode(target, await authorize(2_000_000 + accessTokens++))).access_token,
      async codes(n, budgetMs) {
        const started = performance.now();
        const deadline = started + budgetMs;
        const codes: string[] = [];
        let i = 0;
        await Promise.all(
          Array.from({ length: AUTHORIZE_CONCURRENCY }, async () => {
            while (i < n && performance.now() < deadline) codes.push(await authorize(++i));
          }),
        );
        const secs = (performance.now() - started) / 1000;
        const rate = codes.length / secs;
        const describe = `${codes.length} codes from real GET /oauth/authorize requests (${AUTHORIZE_CONCURRENCY} concurrent, ${rate.toFixed(0)}/s, ${secs.toFixed(1)} s)${codes.length < n ? ` — fewer than the ${n} wanted: the ${(budgetMs / 1000).toFixed(0)} s budget ran out` : ''}`;
        return preparedPool(codes, describe, rate);
      },
      async refreshTokens(n) {
        const codes = await pool(Array.from({ length: n }, (_, k) => 1_000_000 + k), 8, authorize);
        const sets = await pool(codes, 8, (code) => exchangeCode(target, code));
        return { tokens: sets.map((s) => s.refresh_token!) };
      },
      notes: [
        `Portico: production server (scripts/start.ts --no-build), ${kind}, a "web" client (client_secret_basic) for code/refresh/introspection and a "service" client for client_credentials (Portico's web clients may not use client_credentials); per-client token limit raised to ${BENCH_TOKEN_RATE_LIMIT.toLocaleString('en')}/s (PORTICO_TOKEN_RATE_LIMIT), the limiter still counting every request; request logs at the default level (info), one JSON line per request.`,
      ],
      stop,
    };
    await target.freshAccessToken(); // checks the whole flow once before any measurement
    return target;
  } catch (err) {
    await stop();
    throw err;
  }
}
