import type { ConsentStore } from '../../oidc/ports.ts';
import { formatScope, parseScope } from '../../oidc/scopes.ts';
import type { Db } from '../client.ts';

export function consentStore(db: Db): ConsentStore {
  return {
    async find(userId, clientId) {
      const row = await db.consent.findUnique({ where: { userId_clientId: { userId, clientId } } });
      return row ? parseScope(row.scope) : [];
    },
    async findResources(userId, clientId) {
      const row = await db.consent.findUnique({ where: { userId_clientId: { userId, clientId } }, select: { resources: true } });
      return (row?.resources ?? '').split(' ').filter(Boolean);
    },
    async grant(userId, clientId, granted, withdrawn = [], resources = []) {
      await db.$transaction(async (tx) => {
        const row = await tx.consent.findUnique({ where: { userId_clientId: { userId, clientId } } });
        const kept = (row ? parseScope(row.scope) : []).filter((s) => !withdrawn.includes(s));
        const scope = formatScope([...new Set([...kept, ...granted])]);
        const apis = [...new Set([...(row?.resources ?? '').split(' ').filter(Boolean), ...resources])].join(' ') || null;
        await tx.consent.upsert({
          where: { userId_clientId: { userId, clientId } },
          create: { userId, clientId, scope, resources: apis },
          update: { scope, resources: apis },
        });
      });
    },
  };
}
