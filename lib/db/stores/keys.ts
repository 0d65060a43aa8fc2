import type { KeyStore } from '../../oidc/ports.ts';
import type { Db } from '../client.ts';

export function keyStore(db: Db): KeyStore {
  return {
    list: () => db.signingKey.findMany(),
    async add(key) {
      await db.signingKey.create({ data: key });
    },
    async retire(kid, at, publishUntil) {
      await db.signingKey.updateMany({ where: { kid, retiredAt: null }, data: { retiredAt: at, publishUntil } });
    },
    async prune(now) {
      await db.signingKey.deleteMany({ where: { publishUntil: { lte: now } } });
    },
  };
}
