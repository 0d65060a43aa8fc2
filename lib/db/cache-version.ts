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

type Reading = { version: number; issuedAt: number };
type Channel = { latest: Reading | null; read: (item: null) => Promise<number> };

/** One latest reading per counter and database, shared by every cache that watches the counter. */
const channels = new WeakMap<HotStore, Map<CacheName, Channel>>();

function channelOf(hot: HotStore, name: CacheName): Channel {
  let byName = channels.get(hot);
  if (!byName) channels.set(hot, (byName = new Map()));
  let channel = byName.get(name);
  if (!channel) {
    const created: Channel = {
      latest: null,
      read: batched<null, number>(async (callers) => {
        const issuedAt = performance.now();
        const version = await hot.cacheVersion(name);
        noteCacheVersion(hot, name, version, issuedAt);
        return callers.map(() => version);
      }),
    };
    byName.set(name, (channel = created));
  }
  return channel;
}

/**
 * Records a reading of the counter that a statement issued at `issuedAt` (a `performance.now()`
 * time) returned along with its own rows: the token lookups read the clients counter so that the
 * client check that follows them needs no query of its own.
 */
export function noteCacheVersion(hot: HotStore, name: CacheName, version: number, issuedAt: number): void {
  const channel = channelOf(hot, name);
  if (!channel.latest || issuedAt > channel.latest.issuedAt) channel.latest = { version, issuedAt };
}

/**
 * `read(freshSince?)`: the counter as a query issued after `freshSince` (a `performance.now()`
 * time, such as when a request arrived) saw it; a finished reading issued after that time is
 * reused, so a request reads the counter once however many lookups it makes. Without
 * `freshSince`, a new reading is always taken.
 */
export function cacheVersionReader(hot: HotStore, name: CacheName, options: { reuseForMs?: number } = {}): VersionReader {
  const channel = channelOf(hot, name);
  const reuseForMs = options.reuseForMs ?? 0;
  const peek = (freshSince?: number) => {
    const latest = channel.latest;
    if (latest && freshSince !== undefined && latest.issuedAt >= freshSince) return latest.version;
    // Readers consulted several times per request (APIs, settings) reuse a recent reading: a
    // change then applies within `reuseForMs` everywhere instead of to the very next request.
    if (latest && reuseForMs && performance.now() - latest.issuedAt < reuseForMs) return latest.version;
    return undefined;
  };
  return Object.assign((freshSince?: number) => {
    const known = peek(freshSince);
    return known === undefined ? channel.read(null) : Promise.resolve(known);
  }, { peek });
}

/** `(freshSince?) => Promise<version>`; `peek` answers at once when no query is needed, else undefined. */
export type VersionReader = ((freshSince?: number) => Promise<number>) & { peek(freshSince?: number): number | undefined };
