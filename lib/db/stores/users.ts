import type { UserStore } from '../../oidc/ports.ts';
import { batchedLookup } from '../batch.ts';
import type { Db } from '../client.ts';

const CLAIM_FIELDS = { id: true, email: true, name: true, emailVerified: true, phoneNumber: true, address: true, locale: true, updatedAt: true } as const;

export function userStore(db: Db): UserStore {
  return {
    find: batchedLookup((ids: string[]) => db.user.findMany({ where: { id: { in: ids } }, select: CLAIM_FIELDS }), (u) => u.id),
  };
}
