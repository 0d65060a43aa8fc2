/**
 * Authorization codes. Redeeming is group-committed like token writes: the codes redeemed in one
 * event-loop turn are marked used by one conditional `UPDATE … WHERE consumedAt IS NULL RETURNING`
 * (portable: SQLite ≥ 3.35 and PostgreSQL), which is also the single-use check — of two redemptions
 * of one code, in the same batch or not, exactly one sees it returned.
 */
import { join } from '@prisma/client/runtime/client';
import type { CodeRecord, CodeStore } from '../../oidc/ports.ts';
import { batchedClaim, batchedLookup } from '../batch.ts';
import type { Db } from '../client.ts';

export function codeStore(db: Db): CodeStore {
  const lookup = batchedLookup((hashes: string[]) => db.authorizationCode.findMany({ where: { hash: { in: hashes } } }), (c) => c.hash);
  const markUsed = batchedClaim(async (hashes, at) => {
    const rows = await db.$queryRaw<{ hash: string }[]>`UPDATE "AuthorizationCode" SET "consumedAt" = ${at}
      WHERE "hash" IN (${join(hashes)}) AND "consumedAt" IS NULL RETURNING "hash"`;
    return rows.map((r) => r.hash);
  });

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
