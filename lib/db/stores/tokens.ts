/**
 * Tokens: the hot path. Inserts and lookups are group-committed (lib/db/batch.ts) and run on the
 * driver with kept prepared statements (lib/db/hot): one transaction per batch stores the tokens,
 * and callers get them only after it committed. The batch's access tokens are then counted per
 * app for the portal's activity chart (lib/db/activity-counter.ts).
 */
import type { Db } from '../client.ts';
import { tokenIncrements } from '../activity.ts';
import type { ActivityCounter } from '../activity-counter.ts';
import { batched, batchedLookup } from '../batch.ts';
import { noteCacheVersion } from '../cache-version.ts';
import type { TokenLookup } from '../hot/hot-store.ts';
import { hotStoreOf } from '../hot/index.ts';
import type { NewToken, TokenStore } from '../../oidc/ports.ts';

export function tokenStore(db: Db, activity: ActivityCounter): TokenStore {
  const hot = hotStoreOf(db);
  const insert = batched<NewToken[], void>(async (groups) => {
    const tokens = groups.flat();
    await hot.insertTokens(tokens);
    activity.add(tokenIncrements(tokens));
    return groups.map(() => undefined);
  });
  // Rotating refresh tokens: one conditional UPDATE per batch is the single-use check (of two uses
  // of one token, in one batch or not, exactly one wins: a second use in the same batch is left out).
  const spendAndInsert = batched<{ spent: string; at: Date; tokens: NewToken[] }, boolean>(async (items) => {
    const first = items.filter((item, i) => items.findIndex((other) => other.spent === item.spent) === i);
    const won = new Set(await hot.spendAndInsert(first, items[0]!.at));
    const stored = first.filter((item) => won.has(item.spent));
    activity.add(tokenIncrements(stored.flatMap((item) => item.tokens)));
    return items.map((item) => stored.includes(item));
  });
  // A lookup is followed by a check of the token's client: the clients counter read with the
  // tokens saves that check a query (lib/db/cache-version.ts).
  const withClientsVersion = <T>(find: (hashes: string[]) => Promise<TokenLookup<T>>) => async (hashes: string[]) => {
    const issuedAt = performance.now();
    const { rows, clientsVersion } = await find(hashes);
    if (clientsVersion !== null) noteCacheVersion(hot, 'clients', clientsVersion, issuedAt);
    return rows;
  };
  const lookup = batchedLookup(withClientsVersion(hot.findTokens), (row) => row.hash);
  const lookupInContext = batchedLookup(withClientsVersion(hot.findTokensInContext), (row) => row.token.hash);

  return {
    save: (tokens) => (tokens.length ? insert(tokens) : Promise.resolve()),
    saveSpending: (spent, at, tokens) => spendAndInsert({ spent, at, tokens }),
    find: lookup,
    findInContext: lookupInContext,
    async revoke(hash, at) {
      await db.token.updateMany({ where: { hash, revokedAt: null }, data: { revokedAt: at } });
    },
  };
}
