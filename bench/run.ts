/**
 * `npm run bench`: Portico's production server against node-oidc-provider, same machine, same run.
 * A benchmark, not a test: it prints figures (and fails only if something cannot start, or loudly
 * when responses were not what they should be).
 *
 *   npm run bench                      SQLite only
 *   npm run bench -- --postgres        also PostgreSQL (127.0.0.1:5432, user postgres; fresh
 *                                      database, dropped afterwards). Same as BENCH_DB=postgres;
 *                                      BENCH_DB=postgres-only skips SQLite.
 *   npm run bench -- --profile         also CPU-profile Portico (node --cpu-prof) and print where
 *                                      its time went (figures are then taken under the profiler);
 *                                      the .cpuprofile files are kept if BENCH_KEEP_PROFILES=1
 *
 * Environment: BENCH_DURATION (s per endpoint, default 10), BENCH_CONNECTIONS (default 50),
 * BENCH_WARMUP (s of discarded load before each endpoint, default 1), BENCH_JOSE_SECONDS (default 3),
 * BENCH_ENDPOINTS (comma-separated keys, e.g. "refresh_token,introspection"; default all).
 *
 * Measured per server, 50 connections: (a) client_credentials, (b) authorization-code exchange
 * (every request a distinct code, a fixed number of requests), (c) refresh (each connection follows
 * its own rotating chain), (d) introspection and (e) userinfo of a valid access token; then jose's
 * raw signing rate. Results are also written as JSON under the OS temp directory.
 *
 * Exit codes: 0 ok; 1 something failed to start or crashed; 2 the run completed but some responses
 * were errors (non-2xx, connection errors, or bodies that were not what they should be).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseKind } from '../tests/support/databases.ts';
import { ROOT } from '../tests/support/server.ts';
import { signingRate, type SigningRate } from './jose-rate.ts';
import { cpuSeconds } from './cpu.ts';
import { failures, load as loadAnywhere, type LoadResult, type LoadSpec } from './load.ts';
import { startOidcProvider } from './oidc-provider.ts';
import { startPortico } from './portico.ts';
import { cleanupAll, onCleanup } from './processes.ts';
import { summarizeProfiles, type ProfileSummary } from './profile.ts';
import { API_RESOURCE, API_SCOPE, codeExchangeBody, FORM, refreshBody, SERVICE_SCOPE, type Target } from './target.ts';

const num = (name: string, fallback: number) => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number (got "${v}").`);
  return n;
};

const DURATION = num('BENCH_DURATION', 10);
const CONNECTIONS = Math.round(num('BENCH_CONNECTIONS', 50));
const WARMUP = num('BENCH_WARMUP', 1);
const JOSE_SECONDS = num('BENCH_JOSE_SECONDS', 3);
const argv = process.argv.slice(2);
const dbEnv = (process.env.BENCH_DB ?? '').toLowerCase();
const DATABASES: DatabaseKind[] =
  dbEnv === 'postgres-only' ? ['postgres'] : argv.includes('--postgres') || dbEnv.split(',').includes('postgres') ? ['sqlite', 'postgres'] : ['sqlite'];
const PROFILE = argv.includes('--profile');
/** Codes live 60 s: making them and exchanging them must fit well inside that. */
const CODE_WINDOW_S = 45;
const CALIBRATION_CODES = 1000;
const SPARE_CHAINS = 5;

const ENDPOINTS = [
  { key: 'client_credentials', label: '(a) client_credentials' },
  { key: 'client_credentials_api', label: '(f) client_credentials, JWT for an API' },
  { key: 'authorization_code', label: '(b) code exchange' },
  { key: 'refresh_token', label: '(c) refresh (rotating)' },
  { key: 'introspection', label: '(d) introspection' },
  { key: 'userinfo', label: '(e) userinfo' },
] as const;
type EndpointKey = (typeof ENDPOINTS)[number]['key'];
const SELECTED = selectedEndpoints(process.env.BENCH_ENDPOINTS);

function selectedEndpoints(value: string | undefined): (typeof ENDPOINTS)[number][] {
  if (!value) return [...ENDPOINTS];
  const keys = value.split(',').map((k) => k.trim()).filter(Boolean);
  const unknown = keys.filter((k) => !ENDPOINTS.some((e) => e.key === k));
  if (unknown.length) throw new Error(`BENCH_ENDPOINTS: unknown ${unknown.join(', ')} (known: ${ENDPOINTS.map((e) => e.key).join(', ')}).`);
  return ENDPOINTS.filter((e) => keys.includes(e.key));
}

type Measurement = LoadResult & { note?: string; unsupported?: string };
type ServerResult = { label: string; notes: string[]; endpoints: Partial<Record<EndpointKey, Measurement>> };

const log = (s: string) => console.log(`  · ${s}`);
const tokenHeaders = (auth: string) => ({ authorization: auth, 'content-type': FORM });

function hasTokens(body: string, ...fields: string[]): boolean {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    return fields.every((f) => typeof json[f] === 'string' && (json[f] as string).length > 0);
  } catch {
    return false;
  }
}

function summary(r: LoadResult): string {
  const bad = failures(r);
  return `${r.requests} req in ${r.durationS.toFixed(1)} s → ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${r.cpuUs === undefined ? '' : `, server CPU ${r.cpuUs.toFixed(0)} µs/req`}${bad ? `  !! ${r.non2xx} non-2xx, ${r.errors} errors, ${r.bodyProblems} bad bodies ${JSON.stringify(r.statusCodes)} ${r.sampleErrors[0] ?? ''}` : ''}`;
}

/** Measures `keys` on `t`, adding to `result` (a new one when omitted). */
async function measureServer(t: Target, keys: readonly EndpointKey[] = ENDPOINTS.map((e) => e.key), into?: ServerResult): Promise<ServerResult> {
  const result: ServerResult = into ?? { label: t.label, notes: [...t.notes], endpoints: {} };
  const url = t.base;
  /** Load on `t`, with the CPU time its serving processes spent per request. */
  const load = async (spec: LoadSpec): Promise<LoadResult> => {
    const before = cpuSeconds(t.servingPids());
    const r = await loadAnywhere(spec);
    const after = cpuSeconds(t.servingPids());
    if (before !== null && after !== null && r.requests > 0) r.cpuUs = ((after - before) * 1e6) / r.requests;
    return r;
  };
  const record = async (key: EndpointKey, r: Measurement) => {
    const why = await t.diagnose?.();
    if (why) r.note = [r.note, why].filter(Boolean).join('; ');
    result.endpoints[key] = r;
    log(`${key}: ${summary(r)}${r.note ? `  [${r.note}]` : ''}`);
  };
  /** Discarded load before a measurement; its errors are only logged. */
  const warmUp = async (key: EndpointKey, run: Promise<LoadResult>) => {
    const r = await run;
    const why = await t.diagnose?.();
    if (failures(r)) log(`${key} warm-up had errors: ${summary(r)}${why ? ` — ${why}` : ''}`);
    return r;
  };

  // (a) client_credentials
  if (keys.includes('client_credentials')) {
    const spec = {
      url, path: t.paths.token, method: 'POST' as const, headers: tokenHeaders(t.serviceAuth),
      body: `grant_type=client_credentials&scope=${encodeURIComponent(SERVICE_SCOPE)}`,
      connections: CONNECTIONS, check: (b: string) => hasTokens(b, 'access_token'),
    };
    await warmUp('client_credentials', load({ ...spec, duration: WARMUP }));
    await record('client_credentials', await load({ ...spec, duration: DURATION }));
  }

  // (f) client_credentials for an API (RFC 8707 resource): a signed RFC 9068 JWT per request.
  if (keys.includes('client_credentials_api')) {
    const spec = {
      url, path: t.paths.token, method: 'POST' as const, headers: tokenHeaders(t.serviceAuth),
      body: `grant_type=client_credentials&scope=${encodeURIComponent(API_SCOPE)}&resource=${encodeURIComponent(API_RESOURCE)}`,
      connections: CONNECTIONS, check: (b: string) => hasTokens(b, 'access_token') && b.includes('"access_token":"ey'),
    };
    await warmUp('client_credentials_api', load({ ...spec, duration: WARMUP }));
    await record('client_credentials_api', await load({ ...spec, duration: DURATION }));
  }

  // (b) authorization code exchange: one distinct code per request, a fixed number of requests.
  if (keys.includes('authorization_code')) {
    const exchange = (codes: Awaited<ReturnType<Target['codes']>>) =>
      load({
        url: codes.base ?? url, path: t.paths.token, method: 'POST', headers: tokenHeaders(t.webAuth), connections: Math.min(CONNECTIONS, codes.total),
        amount: codes.total,
        perConnection: () => ({
          next: () => {
            const code = codes.take();
            return code ? { body: codeExchangeBody(code, t.pkce.verifier) } : null;
          },
        }),
        check: (b) => hasTokens(b, 'access_token', 'refresh_token', 'id_token'),
      }).finally(() => codes.close());

    // Calibration (also the warm-up): how fast are codes exchanged, and made?
    const calib = await t.codes(CALIBRATION_CODES, 30_000);
    const calibrated = await warmUp('authorization_code', exchange(calib));
    const exchangeRate = Math.max(calibrated.rps, 1);
    let wanted = Math.ceil(exchangeRate * DURATION * 1.2);
    const fit = Math.floor(CODE_WINDOW_S / (1 / calib.madePerSecond + 1 / exchangeRate));
    wanted = Math.max(CONNECTIONS, Math.min(wanted, fit));
    const budgetMs = Math.max(5_000, (CODE_WINDOW_S - wanted / exchangeRate) * 1000);
    const made = performance.now();
    const codes = await t.codes(wanted, budgetMs);
    const r: Measurement = await exchange(codes);
    const age = (performance.now() - made) / 1000;
    r.note = `${codes.total} requests, each with its own code: ${codes.describe}; oldest code ${age.toFixed(0)} s old at the end (codes live 60 s)${codes.underruns ? `; ${codes.underruns} times no code was left` : ''}`;
    await record('authorization_code', r);
  }

  // (c) refresh: every connection follows its own chain (the next request uses the refresh token
  // from its previous response). A broken chain takes a spare head and is counted as an error.
  if (keys.includes('refresh_token')) {
    const chained = async (connections: number, duration: number) => {
      const { tokens: heads, base } = await t.refreshTokens(connections + SPARE_CHAINS);
      let next = 0;
      let broken = 0;
      const r: Measurement = await load({
        url: base ?? url, path: t.paths.token, method: 'POST', headers: tokenHeaders(t.webAuth), connections, duration,
        perConnection: () => {
          let current = heads[next++];
          return {
            next: () => (current ? { body: refreshBody(current) } : null),
            onResponse: (status, body) => {
              let rotated: string | undefined;
              if (status === 200) {
                try {
                  rotated = (JSON.parse(body) as { refresh_token?: string }).refresh_token;
                } catch {
                  /* counted by check */
                }
              }
              if (!rotated) broken++;
              current = rotated ?? heads[next++];
            },
          };
        },
        check: (b) => hasTokens(b, 'access_token', 'refresh_token', 'id_token'),
      });
      if (broken) r.note = `${broken} refreshes failed (the chain went on from a spare head while there was one)`;
      return r;
    };
    await warmUp('refresh_token', chained(Math.min(10, CONNECTIONS), WARMUP));
    const r = await chained(CONNECTIONS, DURATION);
    r.note = [`${CONNECTIONS} independent rotating chains`, t.statefulNote, r.note].filter(Boolean).join('; ');
    await record('refresh_token', r);
    await t.statefulDone?.();
  }

  // (d) introspection of a valid access token, by the confidential client it was issued to.
  if (keys.includes('introspection')) {
    const token = await t.freshAccessToken();
    const spec = {
      url, path: t.paths.introspect, method: 'POST' as const, headers: tokenHeaders(t.webAuth), body: `token=${encodeURIComponent(token)}`,
      connections: CONNECTIONS, check: (b: string) => b.includes('"active":true'),
    };
    await warmUp('introspection', load({ ...spec, duration: WARMUP }));
    await record('introspection', await load({ ...spec, duration: DURATION }));
  }

  // (e) userinfo with a valid access token (openid profile email).
  if (keys.includes('userinfo')) {
    const token = await t.freshAccessToken();
    const spec = {
      url, path: t.paths.userinfo, method: 'GET' as const, headers: { authorization: `Bearer ${token}` },
      connections: CONNECTIONS, check: (b: string) => b.includes('"sub"') && b.includes('"email"'),
    };
    await warmUp('userinfo', load({ ...spec, duration: WARMUP }));
    await record('userinfo', await load({ ...spec, duration: DURATION }));
  }
  return result;
}

// ---------------------------------------------------------------------------------------------

function busyJobs(): string[] {
  try {
    const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
    return out
      .split('\n')
      .filter((l) => /vitest|next build|playwright|next-server|tsc --noEmit|eslint/.test(l) && !l.includes(String(process.pid)))
      .map((l) => l.trim().slice(0, 120));
  } catch {
    return [];
  }
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const fmt = (m: Measurement | undefined, f: (m: Measurement) => string) => (m ? (m.unsupported ? 'n/a' : f(m)) : '—');
const cpuCell = (m: Measurement | undefined) => fmt(m, (x) => (x.cpuUs === undefined ? '?' : x.cpuUs.toFixed(0)));
const rateCell = (m: Measurement | undefined) => fmt(m, (x) => `${x.rps.toFixed(0)}${failures(x) ? '!' : ''}`);

function table(portico: ServerResult, ref: ServerResult | null): string {
  const head = ['endpoint', `${portico.label} req/s`, 'p50 ms', 'p99 ms', 'CPU µs/req', 'oidc-provider req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'Portico/oidc-provider'];
  const rows = ENDPOINTS.map(({ key, label }) => {
    const p = portico.endpoints[key];
    const o = ref?.endpoints[key];
    const ratio = p && o && !p.unsupported && !o.unsupported && o.rps > 0 ? `${(p.rps / o.rps).toFixed(2)}x` : '—';
    return [label, rateCell(p), fmt(p, (x) => String(x.p50)), fmt(p, (x) => String(x.p99)), cpuCell(p), rateCell(o), fmt(o, (x) => String(x.p50)), fmt(o, (x) => String(x.p99)), cpuCell(o), ratio];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? pad(c, widths[i]!) : lpad(c, widths[i]!))).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

async function main() {
  const started = new Date();
  console.log(`Portico benchmark — ${started.toISOString()}`);
  console.log(`  ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}; ${CONNECTIONS} connections, ${DURATION} s per endpoint (+${WARMUP} s warm-up), databases: ${DATABASES.join(', ')}${PROFILE ? ', CPU profiling on' : ''}`);
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    throw new StartError('No built web app in .next (Portico serves sign-in through Next.js). Run `npx tsx scripts/build.ts` first.');
  }
  const busy = busyJobs();
  if (busy.length) {
    console.log(`\n  !! Other heavy jobs are running on this ${os.cpus().length}-CPU machine; figures will be noisy:\n${busy.map((b) => `     ${b}`).join('\n')}\n`);
  }

  // 3. jose first, while nothing else of ours is running.
  console.log(`\njose signing rate (this process, ${JOSE_SECONDS} s per algorithm)…`);
  const jose: SigningRate[] = [];
  for (const alg of ['RS256', 'ES256', 'EdDSA'] as const) {
    const r = await signingRate(alg, JOSE_SECONDS);
    jose.push(r);
    log(`${alg}: ${r.perSecond.toFixed(0)}/s with ${r.inFlight} in flight, ${r.sequentialPerSecond.toFixed(0)}/s one at a time`);
  }

  const profileDir = PROFILE ? mkdtempSync(path.join(os.tmpdir(), 'portico-bench-prof-')) : undefined;
  const porticoResults: ServerResult[] = [];
  const refResults: ServerResult[] = [];
  const profiles: Record<string, ProfileSummary[]> = {};
  const warnIfBusy = () => {
    const jobs = busyJobs();
    if (jobs.length) console.log(`  !! other heavy jobs running now (figures will be noisy): ${jobs.join(' ; ')}`);
  };
  // The two servers take turns endpoint by endpoint, so each ratio compares figures taken seconds
  // apart: this machine's speed drifts over minutes, and a whole server after the other skewed ratios.
  console.log('\nnode-oidc-provider…');
  const ref = await startOidcProvider(log).catch((err: unknown) => {
    throw new StartError(`oidc-provider failed to start: ${err instanceof Error ? err.message : String(err)}`);
  });
  try {
    for (const kind of DATABASES) {
      console.log(`\nPortico on ${kind}, taking turns with node-oidc-provider…`);
      warnIfBusy();
      const dir = profileDir ? path.join(profileDir, kind) : undefined;
      if (dir) mkdirSync(dir, { recursive: true });
      const target = await startPortico(kind, log, dir).catch((err: unknown) => {
        throw new StartError(`Portico on ${kind} failed to start: ${err instanceof Error ? err.message : String(err)}`);
      });
      const portico: ServerResult = { label: target.label, notes: [...target.notes], endpoints: {} };
      const peer: ServerResult = { label: `${ref.label} (beside ${kind})`, notes: [...ref.notes], endpoints: {} };
      try {
        for (const { key } of SELECTED) {
          await measureServer(target, [key], portico);
          await measureServer(ref, [key], peer);
        }
      } finally {
        await target.stop();
      }
      porticoResults.push(portico);
      refResults.push(peer);
      if (dir) profiles[kind] = summarizeProfiles(dir, ROOT);
    }
  } finally {
    await ref.stop();
  }
  if (profileDir && process.env.BENCH_KEEP_PROFILES !== '1') onCleanup(() => rmSync(profileDir, { recursive: true, force: true }));

  // 4. Report.
  const rs256 = jose.find((j) => j.alg === 'RS256')!;
  console.log(`\n${'='.repeat(100)}\nResults (${DURATION} s per endpoint, ${CONNECTIONS} connections; "!" marks a figure with errors)\n`);
  porticoResults.forEach((p, i) => {
    console.log(table(p, refResults[i] ?? null));
    console.log('');
  });
  console.log(`jose signing, one process: ${jose.map((j) => `${j.alg} ${j.perSecond.toFixed(0)}/s (${j.sequentialPerSecond.toFixed(0)}/s one at a time)`).join(', ')}`);
  for (const p of [...porticoResults, ...refResults]) {
    const parts = (['client_credentials', 'authorization_code', 'refresh_token'] as const).map((k) => {
      const m = p.endpoints[k];
      return m ? `${k} ${((m.rps / rs256.perSecond) * 100).toFixed(0)}%` : `${k} —`;
    });
    console.log(`${p.label} token issuance as a share of the RS256 signing rate: ${parts.join(', ')}`);
  }
  console.log('(code exchange and refresh sign one RS256 ID token per response; client_credentials signs nothing: opaque tokens)');
  console.log("(CPU µs/req: the serving process's user + system CPU time per request; PostgreSQL's own processes are not counted)");
  console.log('\nNotes:');
  for (const p of [...porticoResults, ...refResults]) {
    for (const n of p.notes) console.log(`  - ${n}`);
    for (const { key } of ENDPOINTS) {
      const m = p.endpoints[key];
      if (m?.note) console.log(`  - ${p.label} ${key}: ${m.note}`);
    }
  }

  for (const [kind, list] of Object.entries(profiles)) {
    for (const prof of list) {
      console.log(`\nCPU profile of Portico on ${kind} (${prof.file}; busy ${(prof.busyShare * 100).toFixed(0)}% of samples; shares of busy time, self time):`);
      console.log('  by area:     ' + prof.areas.map((a) => `${a.name} ${(a.share * 100).toFixed(1)}%`).join(', '));
      console.log('  by function:');
      for (const f of prof.functions) console.log(`    ${lpad((f.share * 100).toFixed(1), 5)}%  ${f.name}`);
      console.log('  Portico\'s own functions, inclusive (time in them and everything they call):');
      for (const f of prof.inclusive) console.log(`    ${lpad((f.share * 100).toFixed(1), 5)}%  ${f.name}`);
    }
  }

  const problems: string[] = [];
  for (const p of [...porticoResults, ...refResults]) {
    for (const { key } of SELECTED) {
      const m = p.endpoints[key];
      if (!m) problems.push(`${p.label} ${key}: not measured`);
      else if (failures(m)) {
        problems.push(`${p.label} ${key}: ${m.non2xx} non-2xx ${JSON.stringify(m.statusCodes)}, ${m.errors} connection errors (${m.timeouts} timeouts), ${m.bodyProblems} unexpected bodies — e.g. ${m.sampleErrors[0] ?? '?'}`);
      }
    }
  }

  const outDir = path.join(os.tmpdir(), 'portico-bench');
  mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, 'latest.json');
  const json = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, otherJobsRunning: busy },
    settings: { durationS: DURATION, connections: CONNECTIONS, warmupS: WARMUP, databases: DATABASES, profile: PROFILE },
    jose,
    portico: porticoResults,
    oidcProvider: refResults,
    profiles,
    problems,
  };
  writeFileSync(outFile, JSON.stringify(json, null, 2));
  console.log(`\nJSON results: ${outFile}`);

  if (problems.length) {
    console.log(`\n${'!'.repeat(100)}\n!! THIS RUN HAD ERRORS — the figures above include failed requests:\n${problems.map((p) => `!!   ${p}`).join('\n')}\n${'!'.repeat(100)}`);
    return 2;
  }
  console.log('\nNo errors: every request got the expected 2xx response.');
  return 0;
}

class StartError extends Error {}

main()
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  })
  .catch(async (err: unknown) => {
    await cleanupAll();
    const message = err instanceof Error ? (err instanceof StartError ? err.message : err.stack ?? err.message) : String(err);
    console.error(`\nBENCHMARK FAILED: ${message}`);
    process.exit(1);
  });
