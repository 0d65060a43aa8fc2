import type { NewToken, TokenRecord, TokenStore } from '../../oidc/ports.ts';
import { batched } from '../batch.ts';
import type { Db } from '../client.ts';

export function tokenStore(db: Db): TokenStore {
  const insert = batched<NewToken[], void>(async (groups) => {
    await db.token.createMany({ data: groups.flat() });
    return groups.map(() => undefined);
  });
  const lookup = batched<string, TokenRecord | null>(async (hashes) => {
    const rows = await db.token.findMany({ where: { hash: { in: [...new Set(hashes)] } } });
    const byHash = new Map(rows.map((r) => [r.hash, r as TokenRecord]));
    return hashes.map((h) => byHash.get(h) ?? null);
  });

  return {
    save: (tokens) => (tokens.length ? insert(tokens) : Promise.resolve()),
    find: lookup,
    async consume(hash, at) {
      const { count } = await db.token.updateMany({ where: { hash, consumedAt: null, revokedAt: null }, data: { consumedAt: at } });
      return count === 1;
    },
    async revoke(hash, at) {
      await db.token.updateMany({ where: { hash, revokedAt: null }, data: { revokedAt: at } });
    },
  };
}
