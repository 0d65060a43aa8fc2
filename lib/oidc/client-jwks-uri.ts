/**
 * A client's jwks_uri (RFC 7591 §2), fetched and cached. The URL was chosen by whoever registered
 * the client, so:
 * - It is fetched through safe-fetch only: every address the host resolves to must be public and
 *   the connection is pinned to the one checked (no loopback, private, link-local or cloud
 *   metadata address, no DNS rebinding), no redirects, one 5 s deadline, 64 KB at most. https;
 *   http only for a loopback host (development), which safe-fetch still refuses unless the
 *   operator allow-listed it (PORTICO_OUTBOUND_ALLOWED_HOSTS).
 * - A set is cached per URL for its Cache-Control max-age, held within 1 minute and 1 hour;
 *   5 minutes when the response says nothing, 1 minute for no-store or no-cache.
 * - A key the cached set lacks (a client that rotated its keys, RFC 7517 §4.5 kid) refetches the
 *   set once, but at most once a minute per URL: assertions naming made-up kids cost Portico one
 *   request a minute to that host, however many arrive.
 * - A failed fetch keeps the last good set in use for up to a day past its freshness (the host is
 *   down, the keys are not wrong) and is retried after a minute; with no good set, it throws.
 * - Requests for one URL at the same time share one fetch.
 */
import type { JWK } from 'jose';
import { safeFetch } from '../net/safe-fetch.ts';
import type { ProviderContext } from './context.ts';
import { isLoopback } from './redirect-uri.ts';

const MIN_TTL_MS = 60_000;
const MAX_TTL_MS = 3_600_000;
const DEFAULT_TTL_MS = 300_000;
/** How soon a set may be fetched again when a key is missing or the last attempt failed. */
const REFETCH_INTERVAL_MS = 60_000;
const STALE_IF_ERROR_MS = 86_400_000;
const TIMEOUT_MS = 5_000;
const MAX_URLS = 1_000;

export class JwksUnavailableError extends Error {}

type Entry = { keys: JWK[] | null; freshUntil: number; lastAttemptAt: number; pending: Promise<JWK[]> | null };
type Cache = Map<string, Entry>;

const caches = new WeakMap<ProviderContext, Cache>();

function cacheOf(ctx: ProviderContext): Cache {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new Map()));
  return cache;
}

/** The key set at `uri`; `refresh`: a key was missing, fetch again unless that was done within the last minute. */
export async function jwksFromUri(ctx: ProviderContext, uri: string, refresh = false): Promise<JWK[]> {
  const cache = cacheOf(ctx);
  const now = ctx.clock().getTime();
  let entry = cache.get(uri);
  if (!entry) {
    if (cache.size >= MAX_URLS) cache.clear();
    cache.set(uri, (entry = { keys: null, freshUntil: 0, lastAttemptAt: -Infinity, pending: null }));
  }
  if (entry.pending) return entry.pending;
  const due = refresh || now >= entry.freshUntil;
  const mayFetch = now - entry.lastAttemptAt >= REFETCH_INTERVAL_MS;
  if (entry.keys && (!due || !mayFetch)) return entry.keys;
  if (!mayFetch) throw new JwksUnavailableError(`The client's jwks_uri could not be read; it is tried again within a minute.`);
  entry.lastAttemptAt = now;
  const current = entry;
  current.pending = fetchJwks(ctx, uri)
    .then(({ keys, ttlMs }) => {
      current.keys = keys;
      current.freshUntil = ctx.clock().getTime() + ttlMs;
      return keys;
    })
    .catch((err: unknown) => {
      ctx.log(`fetching the jwks_uri ${uri} failed`, err);
      if (current.keys && now < current.freshUntil + STALE_IF_ERROR_MS) return current.keys;
      throw new JwksUnavailableError(`The client's jwks_uri could not be read: ${err instanceof Error ? err.message : 'unknown error'}`);
    })
    .finally(() => {
      current.pending = null;
    });
  return current.pending;
}

async function fetchJwks(ctx: ProviderContext, uri: string): Promise<{ keys: JWK[]; ttlMs: number }> {
  const res = await safeFetch(uri, {
    allowHttp: allowsHttp(uri),
    allowedHosts: ctx.settings.outboundAllowedHosts,
    timeoutMs: TIMEOUT_MS,
    headers: { accept: 'application/jwk-set+json, application/json' },
  });
  if (res.status !== 200) throw new Error(`it answered HTTP ${res.status}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body.toString('utf8'));
  } catch {
    throw new Error('it did not answer with JSON');
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new Error('it did not answer with a JWK Set (RFC 7517 §5)');
  return { keys: keys.filter((k): k is JWK => typeof k === 'object' && k !== null), ttlMs: ttlOf(res.headers['cache-control']) };
}

/** RFC 9111 §5.2.2: max-age, held within bounds; no-store and no-cache as the shortest. */
function ttlOf(header: string | string[] | undefined): number {
  const value = (Array.isArray(header) ? header.join(',') : (header ?? '')).toLowerCase();
  if (/(^|[\s,])(no-store|no-cache)([\s,=]|$)/.test(value)) return MIN_TTL_MS;
  const maxAge = /(?:^|[\s,])max-age\s*=\s*"?(\d+)/.exec(value);
  if (!maxAge) return DEFAULT_TTL_MS;
  return Math.min(MAX_TTL_MS, Math.max(MIN_TTL_MS, Number(maxAge[1]) * 1000));
}

function allowsHttp(uri: string): boolean {
  try {
    return isLoopback(new URL(uri));
  } catch {
    return false;
  }
}
