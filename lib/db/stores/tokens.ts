/**
 * Tokens: the hot path. Inserts and lookups are group-committed (lib/db/batch.ts), and the insert
 * is one raw multi-row INSERT: Prisma's createMany costs about half the token endpoint's
 * throughput in query building. The same transaction counts the batch's access tokens per app
 * (ClientActivity) for the portal's activity chart. The tagged template keeps it portable (placeholders and DateTime
 * encoding are the adapter's; rows read back through Prisma identically on SQLite and PostgreSQL).
 */
import { join, sqltag as sql } from '@prisma/client/runtime/client';
import type { NewToken, TokenRecord, TokenStore } from '../../oidc/ports.ts';
import { activityUpsert, tokenIncrements } from '../activity.ts';
import { batched, batchedClaim, batchedLookup } from '../batch.ts';
import type { Db } from '../client.ts';

export function tokenStore(db: Db): TokenStore {
  const insert = batched<NewToken[], void>(async (groups) => {
    const tokens = groups.flat();
    const rows = tokens.map((t) => sql`(${t.hash}, ${t.kind}, ${t.grantId}, ${t.clientId}, ${t.userId}, ${t.scope}, ${t.expiresAt}, ${t.createdAt})`);
    const increments = tokenIncrements(tokens);
    await db.$transaction([
      db.$executeRaw`INSERT INTO "Token" ("hash", "kind", "grantId", "clientId", "userId", "scope", "expiresAt", "createdAt") VALUES ${join(rows)}`,
      ...(increments.length ? [activityUpsert(db, increments)] : []),
    ]);
    return groups.map(() => undefined);
  });
  const lookup = batchedLookup(
    (hashes: string[]) => db.token.findMany({ where: { hash: { in: hashes } } }) as Promise<TokenRecord[]>,
    (row) => row.hash,
  );

  // Rotating refresh tokens: one conditional UPDATE … RETURNING per event-loop turn, which is the
  // single-use check (of two uses of one token, in one batch or not, exactly one wins).
  const markConsumed = batchedClaim(async (hashes, at) => {
    const rows = await db.$queryRaw<{ hash: string }[]>`UPDATE "Token" SET "consumedAt" = ${at}
      WHERE "hash" IN (${join(hashes)}) AND "consumedAt" IS NULL AND "revokedAt" IS NULL RETURNING "hash"`;
    return rows.map((r) => r.hash);
  });

  return {
    save: (tokens) => (tokens.length ? insert(tokens) : Promise.resolve()),
    find: lookup,
    consume: (hash, at) => markConsumed({ key: hash, at }),
    async revoke(hash, at) {
      await db.token.updateMany({ where: { hash, revokedAt: null }, data: { revokedAt: at } });
    },
  };
}
