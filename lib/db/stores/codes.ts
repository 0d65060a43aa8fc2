import type { CodeStore } from '../../oidc/ports.ts';
import type { Db } from '../client.ts';

export function codeStore(db: Db): CodeStore {
  return {
    async save(code) {
      await db.authorizationCode.create({ data: code });
    },
    async consume(hash, at) {
      // The conditional update is the atomic single-use check: of two concurrent exchanges, one wins.
      const { count } = await db.authorizationCode.updateMany({ where: { hash, consumedAt: null }, data: { consumedAt: at } });
      const code = await db.authorizationCode.findUnique({ where: { hash } });
      return code ? { code, firstUse: count === 1 } : null;
    },
  };
}
