import type { GrantStore } from '../../oidc/ports.ts';
import { activityUpsert } from '../activity.ts';
import { batchedLookup } from '../batch.ts';
import type { Db } from '../client.ts';
import { hotStoreOf } from '../hot/index.ts';

export function grantStore(db: Db, clock: () => Date): GrantStore {
  const hot = hotStoreOf(db);
  return {
    async create(grant) {
      const at = clock();
      await db.$transaction([
        db.grant.create({ data: { ...grant, createdAt: at } }),
        // A grant for a user is a sign-in to the app (client_credentials creates no Grant row).
        ...(grant.userId ? [activityUpsert(db, [{ clientId: grant.clientId, signIns: 1, tokens: 0, at }])] : []),
      ]);
    },
    find: batchedLookup((ids: string[]) => hot.findGrants(ids), (g) => g.id),
    async clientsOfSession(userId, sid) {
      const rows = await db.grant.findMany({ where: { userId, sid }, select: { clientId: true }, distinct: ['clientId'] });
      return rows.map((r) => r.clientId);
    },
    async revoke(id, at) {
      await db.$transaction([
        db.grant.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } }),
        db.token.updateMany({ where: { grantId: id, revokedAt: null }, data: { revokedAt: at } }),
      ]);
    },
  };
}
