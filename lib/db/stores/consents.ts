import type { ConsentStore } from '../../oidc/ports.ts';
import { formatScope, parseScope } from '../../oidc/scopes.ts';
import type { Db } from '../client.ts';

const words = (value: string | null | undefined) => (value ?? '').split(' ').filter(Boolean);

export function consentStore(db: Db): ConsentStore {
  return {
    async find(userId, clientId) {
      const row = await db.consent.findUnique({ where: { userId_clientId: { userId, clientId } } });
      return row ? parseScope(row.scope) : [];
    },
    async findResources(userId, clientId) {
      const row = await db.consent.findUnique({ where: { userId_clientId: { userId, clientId } }, select: { resources: true } });
      return words(row?.resources);
    },
    /**
     * `withdrawn` (asked for, unticked) is also remembered as declined, so the consent screen shows
     * it unticked next time (lib/account/find-declined-scopes.ts); a scope granted again leaves
     * the declined list.
     */
    async grant(userId, clientId, granted, withdrawn = [], resources = []) {
      await db.$transaction(async (tx) => {
        const row = await tx.consent.findUnique({ where: { userId_clientId: { userId, clientId } } });
        const kept = (row ? parseScope(row.scope) : []).filter((s) => !withdrawn.includes(s));
        const scope = formatScope([...new Set([...kept, ...granted])]);
        const apis = [...new Set([...words(row?.resources), ...resources])].join(' ') || null;
        const declined = [...new Set([...words(row?.declined), ...withdrawn])].filter((s) => !granted.includes(s)).join(' ') || null;
        await tx.consent.upsert({
          where: { userId_clientId: { userId, clientId } },
          create: { userId, clientId, scope, resources: apis, declined },
          update: { scope, resources: apis, declined },
        });
      });
    },
  };
}
