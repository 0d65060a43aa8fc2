/**
 * Authorization codes. Redeeming is group-committed like token writes: the codes redeemed in one
 * event-loop turn are marked used by one conditional `UPDATE … WHERE consumedAt IS NULL RETURNING`
 * (portable: SQLite ≥ 3.35 and PostgreSQL), which is also the single-use check — of two redemptions
 * of one code, in the same batch or not, exactly one sees it returned.
 */
import { join, sqltag as sql } from '@prisma/client/runtime/client';
import type { CodeRecord, CodeStore } from '../../oidc/ports.ts';
import { batched, batchedLookup } from '../batch.ts';
import type { Db } from '../client.ts';

export function codeStore(db: Db): CodeStore {
  const lookup = batchedLookup((hashes: string[]) => db.authorizationCode.findMany({ where: { hash: { in: hashes } } }), (c) => c.hash);
  const markUsed = batched<{ hash: string; at: Date }, boolean>(async (items) => {
    const at = items[0]!.at;
    const unique = [...new Set(items.map((i) => i.hash))];
    const rows = await db.$queryRaw<{ hash: string }[]>`UPDATE "AuthorizationCode" SET "consumedAt" = ${at}
      WHERE "hash" IN (${join(unique)}) AND "consumedAt" IS NULL RETURNING "hash"`;
    const won = new Set(rows.map((r) => r.hash));
    // A code redeemed twice within one batch: only its first redemption wins.
    return items.map((i) => won.delete(i.hash));
  });

  return {
    async save(code) {
      await db.authorizationCode.create({ data: code });
    },
    async consume(hash, at) {
      const code: CodeRecord | null = await lookup(hash);
      if (!code) return null;
      const firstUse = !code.consumedAt && (await markUsed({ hash, at }));
      return { code, firstUse };
    },
  };
}
