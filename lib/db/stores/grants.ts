import type { GrantStore } from '../../oidc/ports.ts';
import { batchedLookup } from '../batch.ts';
import type { Db } from '../client.ts';

export function grantStore(db: Db): GrantStore {
  return {
    async create(grant) {
      await db.grant.create({ data: grant });
    },
    find: batchedLookup((ids: string[]) => db.grant.findMany({ where: { id: { in: ids } } }), (g) => g.id),
    async revoke(id, at) {
      await db.$transaction([
        db.grant.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } }),
        db.token.updateMany({ where: { grantId: id, revokedAt: null }, data: { revokedAt: at } }),
      ]);
    },
  };
}
