/**
 * The counters in "CacheVersion", which database triggers move on every write to the rows they
 * watch (see the migration that created them). Reads are batched: callers in one event-loop turn
 * share one query issued after they all arrived, so a caller always sees every change committed
 * before its request came in — on this instance, on any other, and from the CLI.
 */
import { batched } from './batch.ts';
import type { HotStore } from './hot/hot-store.ts';

export type CacheName = 'clients' | 'resources' | 'settings';

export function cacheVersionReader(hot: HotStore, name: CacheName): () => Promise<number> {
  const read = batched<null, number>(async (callers) => {
    const version = await hot.cacheVersion(name);
    return callers.map(() => version);
  });
  return () => read(null);
}
