/**
 * The counters in "CacheVersion", which database triggers move on every write to the rows they
 * watch (see the migration that created them). Reads are batched: callers in one event-loop turn
 * share one query issued after they all arrived, so a caller always sees every change committed
 * before its request came in — on this instance, on any other, and from the CLI.
 */
import { batched } from './batch.ts';
import type { HotStore } from './hot/hot-store.ts';

/** How long the API and settings caches trust a counter reading (a change applies within this). */
export const REUSE_VERSION_MS = 250;

export type CacheName = 'clients' | 'resources' | 'settings';

export function cacheVersionReader(hot: HotStore, name: CacheName, options: { reuseForMs?: number } = {}): () => Promise<number> {
  const read = batched<null, number>(async (callers) => {
    const version = await hot.cacheVersion(name);
    return callers.map(() => version);
  });
  const reuseForMs = options.reuseForMs ?? 0;
  if (!reuseForMs) return () => read(null);
  // Readers consulted several times per request (APIs, settings) reuse a recent reading: a
  // change then applies within `reuseForMs` everywhere instead of to the very next request.
  let last: { version: number; at: number } | null = null;
  return async () => {
    if (last && Date.now() - last.at < reuseForMs) return last.version;
    const version = await read(null);
    last = { version, at: Date.now() };
    return version;
  };
}
