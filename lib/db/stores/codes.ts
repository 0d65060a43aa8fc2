/**
 * Authorization codes. Redeeming is group-committed like token writes, on the driver (lib/db/hot):
 * the codes redeemed in one event-loop turn are marked used by one conditional update
 * (`WHERE consumedAt IS NULL`), which is also the single-use check — of two redemptions of one
 * code, in the same batch or not, exactly one wins.
 */
import type { CodeRecord, CodeStore } from '../../oidc/ports.ts';
import { batched, batchedLookup } from '../batch.ts';
import type { Db } from '../client.ts';
import { hotStoreOf } from '../hot/index.ts';

export function codeStore(db: Db): CodeStore {
  const hot = hotStoreOf(db);
  const lookup = batchedLookup((hashes: string[]) => hot.findCodes(hashes), (c) => c.hash);
  // The claim returns the codes it marked: a first use costs one statement; only a replayed or
  // unknown code is looked up afterwards. A code claimed twice in one batch goes to its first caller.
  const claim = batched<{ hash: string; at: Date }, CodeRecord | null>(async (items) => {
    const won = new Map((await hot.claimCodes([...new Set(items.map((i) => i.hash))], items[0]!.at)).map((c) => [c.hash, c]));
    return items.map((i) => {
      const code = won.get(i.hash) ?? null;
      won.delete(i.hash);
      return code;
    });
  });

  return {
    async save(code) {
      await db.authorizationCode.create({ data: code });
    },
    async consume(hash, at) {
      const claimed = await claim({ hash, at });
      if (claimed) return { code: claimed, firstUse: true };
      const code = await lookup(hash);
      return code ? { code, firstUse: false } : null;
    },
  };
}
