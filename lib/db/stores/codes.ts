/**
 * Authorization codes. Redeeming is group-committed like token writes, on the driver (lib/db/hot):
 * the codes redeemed in one event-loop turn are marked used by one conditional update
 * (`WHERE consumedAt IS NULL`), which is also the single-use check — of two redemptions of one
 * code, in the same batch or not, exactly one wins.
 */
import type { CodeRecord, CodeStore } from '../../oidc/ports.ts';
import { batchedClaim, batchedLookup } from '../batch.ts';
import type { Db } from '../client.ts';
import { hotStoreOf } from '../hot/index.ts';

export function codeStore(db: Db): CodeStore {
  const hot = hotStoreOf(db);
  const lookup = batchedLookup((hashes: string[]) => hot.findCodes(hashes), (c) => c.hash);
  const markUsed = batchedClaim((hashes, at) => hot.claimCodes(hashes, at));

  return {
    async save(code) {
      await db.authorizationCode.create({ data: code });
    },
    async consume(hash, at) {
      const code: CodeRecord | null = await lookup(hash);
      if (!code) return null;
      const firstUse = !code.consumedAt && (await markUsed({ key: hash, at }));
      return { code, firstUse };
    },
  };
}
