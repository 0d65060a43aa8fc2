import type { ConsentStore } from '../../oidc/ports.ts';
import { formatScope, parseScope } from '../../oidc/scopes.ts';
import type { Db } from '../client.ts';

export function consentStore(db: Db): ConsentStore {
  return {
    async find(userId, clientId) {
      const row = await db.consent.findUnique({ where: { userId_clientId: { userId, clientId } } });
      return row ? parseScope(row.scope) : [];
    },
    async grant(userId, clientId, granted, withdrawn = []) {
      await db.$transaction(async (tx) => {
        const row = await tx.consent.findUnique({ where: { userId_clientId: { userId, clientId } } });
        const kept = (row ? parseScope(row.scope) : []).filter((s) => !withdrawn.includes(s));
        const scope = formatScope([...new Set([...kept, ...granted])]);
        await tx.consent.upsert({
          where: { userId_clientId: { userId, clientId } },
          create: { userId, clientId, scope },
          update: { scope },
        });
      });
    },
  };
}
