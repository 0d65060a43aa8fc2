/**
 * API resources with their scopes and servers, all held in memory (an operator has tens of APIs,
 * not millions) and reloaded whole when the "resources" counter moves (lib/db/cache-version.ts):
 * a new scope or a deleted API applies within REUSE_VERSION_MS on every instance.
 */
import type { ApiResourceRecord, ResourceStore } from '../../oidc/ports.ts';
import { cacheVersionReader, REUSE_VERSION_MS } from '../cache-version.ts';
import type { Db } from '../client.ts';
import { hotStoreOf } from '../hot/index.ts';

type Index = { byIdentifier: Map<string, ApiResourceRecord>; byScope: Map<string, ApiResourceRecord> };

export function resourceStore(db: Db): ResourceStore {
  const readVersion = cacheVersionReader(hotStoreOf(db), 'resources', { reuseForMs: REUSE_VERSION_MS });
  let cached: { version: number; index: Promise<Index> } | null = null;

  async function load(): Promise<Index> {
    const rows = await db.apiResource.findMany({
      include: { team: { select: { name: true } }, scopes: { orderBy: { createdAt: 'asc' } }, servers: { select: { clientId: true } } },
    });
    const index: Index = { byIdentifier: new Map(), byScope: new Map() };
    for (const row of rows) {
      const record: ApiResourceRecord = {
        id: row.id,
        identifier: row.identifier,
        name: row.name,
        ownerName: row.team?.name ?? null,
        tokenFormat: row.tokenFormat === 'opaque' ? 'opaque' : 'jwt',
        accessTokenTtl: row.accessTokenTtl,
        openAccess: row.openAccess,
        scopes: row.scopes.map((s) => ({ name: s.name, description: s.description })),
        serverClientIds: row.servers.map((s) => s.clientId),
      };
      index.byIdentifier.set(record.identifier, record);
      for (const scope of record.scopes) index.byScope.set(scope.name, record);
    }
    return index;
  }

  async function current(): Promise<Index> {
    const version = await readVersion();
    if (!cached || cached.version !== version) {
      const index = load();
      cached = { version, index };
      index.catch(() => {
        if (cached?.index === index) cached = null;
      });
    }
    return cached.index;
  }

  return {
    findByIdentifier: async (identifier) => (await current()).byIdentifier.get(identifier) ?? null,
    findByScope: async (scope) => (await current()).byScope.get(scope) ?? null,
  };
}
