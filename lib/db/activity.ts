/**
 * Per-app daily counters (ClientActivity), incremented with one portable upsert
 * (`INSERT … ON CONFLICT … DO UPDATE`, the same SQL on SQLite and PostgreSQL).
 */
import { join, sqltag as sql } from '@prisma/client/runtime/client';
import type { Db } from './client.ts';

export type ActivityIncrement = { clientId: string; signIns: number; tokens: number; at: Date };

export const utcDay = (at: Date) => at.toISOString().slice(0, 10);

export function activityUpsert(db: Db, increments: ActivityIncrement[]) {
  const rows = increments.map((i) => sql`(${i.clientId}, ${utcDay(i.at)}, ${i.signIns}, ${i.tokens}, ${i.at})`);
  return db.$executeRaw`INSERT INTO "ClientActivity" ("clientId", "day", "signIns", "tokens", "lastUsedAt") VALUES ${join(rows)}
    ON CONFLICT ("clientId", "day") DO UPDATE SET
      "signIns" = "ClientActivity"."signIns" + excluded."signIns",
      "tokens" = "ClientActivity"."tokens" + excluded."tokens",
      "lastUsedAt" = excluded."lastUsedAt"`;
}

/** One increment per app for a batch of issued access tokens. */
export function tokenIncrements(tokens: { clientId: string; kind: string; createdAt: Date }[]): ActivityIncrement[] {
  const byClient = new Map<string, ActivityIncrement>();
  for (const t of tokens) {
    if (t.kind !== 'access') continue;
    const key = `${t.clientId}\u0000${utcDay(t.createdAt)}`;
    const entry = byClient.get(key);
    if (entry) {
      entry.tokens += 1;
      if (t.createdAt > entry.at) entry.at = t.createdAt;
    } else {
      byClient.set(key, { clientId: t.clientId, signIns: 0, tokens: 1, at: t.createdAt });
    }
  }
  return [...byClient.values()];
}
