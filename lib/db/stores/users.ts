import type { UserStore } from '../../oidc/ports.ts';
import type { Db } from '../client.ts';

export function userStore(db: Db): UserStore {
  return {
    find: (id) =>
      db.user.findUnique({
        where: { id },
        select: { id: true, email: true, name: true, emailVerified: true, phoneNumber: true, address: true, locale: true, updatedAt: true },
      }),
  };
}
