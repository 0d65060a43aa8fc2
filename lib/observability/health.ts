/**
 * Liveness and readiness, for orchestrators and load balancers:
 * - GET /healthz: 200 {"status":"ok"} while the process serves; it checks no dependency, so a
 *   database outage never gets a healthy process restarted.
 * - GET /readyz: 200 only when every readiness check passes within the timeout (2 s): the
 *   database answers a trivial query and the signing keys are loaded. Otherwise 503 with a body
 *   naming each failed check ("failed" or "timed out") and never an error message or stack:
 *   the reason goes to the log.
 * The checks are plain functions passed in, so tests run them against real databases.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Resolves when the dependency is usable; rejects (or never settles) otherwise. */
export type ReadinessCheck = () => Promise<void>;
export type ReadinessChecks = Record<string, ReadinessCheck>;
export type CheckFailure = (check: string, err: unknown) => void;

export const READINESS_TIMEOUT_MS = 2000;
const HEALTH_PATHS = new Set(['/healthz', '/readyz']);

export function isHealthPath(path: string): boolean {
  return HEALTH_PATHS.has(path);
}

export function databaseCheck(db: { $queryRawUnsafe(query: string): PromiseLike<unknown> }): ReadinessCheck {
  return async () => void (await db.$queryRawUnsafe('SELECT 1'));
}

export function signingKeysCheck(keys: { publicJwks(): Promise<{ keys: unknown[] }> }): ReadinessCheck {
  return async () => {
    if ((await keys.publicJwks()).keys.length === 0) throw new Error('No signing keys are loaded.');
  };
}

export type HealthAnswer = { status: number; body: Record<string, unknown> };

export async function readiness(checks: ReadinessChecks, timeoutMs = READINESS_TIMEOUT_MS, onFailure?: CheckFailure): Promise<HealthAnswer> {
  const names = Object.keys(checks);
  const outcomes = await Promise.all(names.map((name) => runCheck(name, checks[name]!, timeoutMs, onFailure)));
  const results = Object.fromEntries(names.map((name, i) => [name, outcomes[i]!]));
  const failed = names.filter((name) => results[name] !== 'ok');
  return failed.length === 0
    ? { status: 200, body: { status: 'ok', checks: results } }
    : { status: 503, body: { status: 'unavailable', failed, checks: results } };
}

async function runCheck(name: string, check: ReadinessCheck, timeoutMs: number, onFailure?: CheckFailure): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed out'>((resolve) => (timer = setTimeout(() => resolve('timed out'), timeoutMs)));
  try {
    const outcome = await Promise.race([check().then(() => 'ok' as const), timeout]);
    if (outcome !== 'ok') onFailure?.(name, new Error(`The ${name} check did not answer within ${timeoutMs} ms.`));
    return outcome;
  } catch (err) {
    onFailure?.(name, err);
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}

/** Answers /healthz or /readyz (isHealthPath) on a Node response. */
export async function serveHealth(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  checks: ReadinessChecks,
  options: { timeoutMs?: number; onFailure?: CheckFailure } = {},
): Promise<void> {
  const answer =
    req.method !== 'GET' && req.method !== 'HEAD'
      ? { status: 405, body: { status: 'error', message: `Use GET ${path}.` } }
      : path === '/healthz'
        ? { status: 200, body: { status: 'ok' } }
        : await readiness(checks, options.timeoutMs, options.onFailure);
  const headers = { 'content-type': 'application/json', 'cache-control': 'no-store', ...(answer.status === 405 ? { allow: 'GET, HEAD' } : {}) };
  res.writeHead(answer.status, headers).end(JSON.stringify(answer.body));
}
