/**
 * Controlled access (lib/oidc/app-access.ts): whether a user may use an app.
 *
 * Most apps let everyone in, and refresh asks on every use, so the ids of the apps limited to
 * assigned users are kept in memory behind the "clients" counter (lib/db/cache-version.ts; the
 * triggers move it on every write to Client, policy changes included): a policy change applies
 * everywhere within REUSE_VERSION_MS. For a limited app, one query answers whether the user is
 * assigned directly or through a group, read as it is now (assignments are not cached: removing
 * someone applies to their very next request).
 */
import type { AppAccessStore } from '../../oidc/ports.ts';
import { cacheVersionReader, REUSE_VERSION_MS } from '../cache-version.ts';
import type { Db } from '../client.ts';
import { hotStoreOf } from '../hot/index.ts';

export function appAccessStore(db: Db): AppAccessStore {
  const readVersion = cacheVersionReader(hotStoreOf(db), 'clients', { reuseForMs: REUSE_VERSION_MS });
  let limited: { version: number; ids: Promise<Set<string>> } | null = null;

  async function limitedApps(): Promise<Set<string>> {
    const version = await readVersion();
    if (!limited || limited.version !== version) {
      const ids = db.client.findMany({ where: { accessPolicy: 'assigned' }, select: { id: true } }).then((rows) => new Set(rows.map((r) => r.id)));
      const entry = { version, ids };
      limited = entry;
      ids.catch(() => {
        if (limited === entry) limited = null;
      });
    }
    return limited.ids;
  }

  return {
    async allows(clientId, userId) {
      if (!(await limitedApps()).has(clientId)) return true;
      const assigned = await db.client.findFirst({
        where: {
          id: clientId,
          // The policy is read again here: an app opened to everyone a moment ago is not refused.
          OR: [{ accessPolicy: 'everyone' }, { userAssignments: { some: { userId } } }, { groupAssignments: { some: { group: { members: { some: { userId } } } } } }],
        },
        select: { id: true },
      });
      return assigned !== null;
    },
  };
}
