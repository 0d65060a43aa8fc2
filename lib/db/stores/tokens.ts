/**
 * Tokens: the hot path. Inserts and lookups are group-committed (lib/db/batch.ts) and run on the
 * driver with kept prepared statements (lib/db/hot): one transaction per batch stores the tokens,
 * and callers get them only after it committed. The batch's access tokens are then counted per
 * app for the portal's activity chart (lib/db/activity-counter.ts).
 */
import type { Db } from '../client.ts';
import { tokenIncrements } from '../activity.ts';
import type { ActivityCounter } from '../activity-counter.ts';
import { batched, batchedClaim, batchedLookup } from '../batch.ts';
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
  const lookup = batchedLookup((hashes: string[]) => hot.findTokens(hashes), (row) => row.hash);
  // Rotating refresh tokens: one conditional UPDATE per batch is the single-use check (of two uses
  // of one token, in one batch or not, exactly one wins).
  const markConsumed = batchedClaim((hashes, at) => hot.claimTokens(hashes, at));

  return {
    save: (tokens) => (tokens.length ? insert(tokens) : Promise.resolve()),
    find: lookup,
    consume: (hash, at) => markConsumed({ key: hash, at }),
    async revoke(hash, at) {
      await db.token.updateMany({ where: { hash, revokedAt: null }, data: { revokedAt: at } });
    },
  };
}
