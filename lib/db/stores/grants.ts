import type { GrantStore } from '../../oidc/ports.ts';
import type { Db } from '../client.ts';

export function grantStore(db: Db): GrantStore {
  return {
    async create(grant) {
      await db.grant.create({ data: grant });
    },
    find: (id) => db.grant.findUnique({ where: { id } }),
    async revoke(id, at) {
      await db.$transaction([
        db.grant.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } }),
        db.token.updateMany({ where: { grantId: id, revokedAt: null }, data: { revokedAt: at } }),
      ]);
    },
  };
}
