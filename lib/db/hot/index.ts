/** The hot store of a Prisma client made by lib/db/client.ts: one per client, made on first use. */
import { connectionOf, type Db } from '../client.ts';
import type { HotStore } from './hot-store.ts';
import { postgresHotStore } from './postgres.ts';
import { sqliteHotStore } from './sqlite.ts';

export type { ClaimedCode, ClientRow, HotStore } from './hot-store.ts';

const stores = new WeakMap<Db, HotStore>();

export function hotStoreOf(db: Db): HotStore {
  let store = stores.get(db);
  if (!store) {
    const c = connectionOf(db);
    store = c.kind === 'sqlite' ? sqliteHotStore(c.connection) : postgresHotStore(c.url);
    stores.set(db, store);
  }
  return store;
}

/** Closes the hot store's own connections (PostgreSQL pool), if it has any. */
export async function closeHotStore(db: Db): Promise<void> {
  await stores.get(db)?.close();
  stores.delete(db);
}
