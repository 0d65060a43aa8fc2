/**
 * Authorization codes. Redeeming is group-committed like token writes, on the driver (lib/db/hot):
 * the codes redeemed together are marked used by one conditional update (`WHERE consumedAt IS
 * NULL`), which is also the single-use check — of two redemptions of one code, in the same batch
 * or not, exactly one wins — and which reads each won code's grant and user in the same statement.
 */
import type { CodeStore } from '../../oidc/ports.ts';
import { batched, batchedLookup } from '../batch.ts';
import type { Db } from '../client.ts';
import { hotStoreOf, type ClaimedCode } from '../hot/index.ts';

export function codeStore(db: Db): CodeStore {
  const hot = hotStoreOf(db);
  const lookup = batchedLookup((hashes: string[]) => hot.findCodes(hashes), (c) => c.hash);
  // Only a replayed or unknown code is looked up afterwards. A code claimed twice in one batch goes to its first caller.
  const claim = batched<{ hash: string; at: Date }, ClaimedCode | null>(async (items) => {
    const won = new Map((await hot.claimCodes([...new Set(items.map((i) => i.hash))], items[0]!.at)).map((c) => [c.code.hash, c]));
    return items.map((i) => {
      const claimed = won.get(i.hash) ?? null;
      won.delete(i.hash);
      return claimed;
    });
  });

  return {
    async save(code) {
      await db.authorizationCode.create({ data: code });
    },
    async consume(hash, at) {
      const claimed = await claim({ hash, at });
      if (claimed) return { ...claimed, firstUse: true };
      const code = await lookup(hash);
      return code ? { code, firstUse: false } : null;
    },
  };
}
