/**
 * Clients with their live secret hashes, cached in memory for a few seconds: the token endpoint
 * reads the client on every request, and a database round trip per request costs a third of the
 * throughput. Changes made elsewhere (portal, CLI, another instance) apply within CACHE_MS.
 */
import { originOf } from '../../oidc/http/cors.ts';
import type { ClientRecord, ClientStore } from '../../oidc/ports.ts';
import type { ClientKind } from '../../oidc/redirect-uri.ts';
import { parseScopeDescriptions } from '../../oidc/scopes.ts';
import { constantTimeEqual } from '../../oidc/tokens.ts';
import type { Db } from '../client.ts';

const CACHE_MS = 5_000;

type SecretRow = { hash: string; expiresAt: Date | null; revokedAt: Date | null };
type Cached = { record: ClientRecord | null; secrets: SecretRow[]; loadedAt: number };

export function toClientRecord(row: {
  id: string; name: string; type: string; tokenEndpointAuthMethod: string; redirectUris: string; postLogoutRedirectUris: string;
  grantTypes: string; scope: string; accessTokenFormat: string; idTokenSignedResponseAlg: string; accessTokenTtl: number;
  refreshTokenTtl: number; refreshTokenRotation: boolean; skipConsent: boolean; disabled: boolean;
  logoUri: string | null; clientUri: string | null; policyUri: string | null; tosUri: string | null;
  backchannelLogoutUri: string | null; verified: boolean; scopeDescriptions: string | null;
}): ClientRecord {
  const kind = row.type as ClientKind;
  return {
    id: row.id,
    name: row.name,
    kind,
    isPublic: row.tokenEndpointAuthMethod === 'none',
    tokenEndpointAuthMethod: row.tokenEndpointAuthMethod as ClientRecord['tokenEndpointAuthMethod'],
    redirectUris: JSON.parse(row.redirectUris),
    postLogoutRedirectUris: JSON.parse(row.postLogoutRedirectUris),
    grantTypes: JSON.parse(row.grantTypes),
    scopes: row.scope.split(' ').filter(Boolean),
    scopeDescriptions: parseScopeDescriptions(row.scopeDescriptions),
    accessTokenFormat: row.accessTokenFormat === 'jwt' ? 'jwt' : 'opaque',
    idTokenAlg: row.idTokenSignedResponseAlg,
    accessTokenTtl: row.accessTokenTtl,
    refreshTokenTtl: row.refreshTokenTtl,
    refreshTokenRotation: row.refreshTokenRotation,
    skipConsent: row.skipConsent,
    disabled: row.disabled,
    logoUri: row.logoUri,
    clientUri: row.clientUri,
    policyUri: row.policyUri,
    tosUri: row.tosUri,
    backchannelLogoutUri: row.backchannelLogoutUri,
    verified: row.verified,
  };
}

export function clientStore(db: Db, clock: () => Date, cacheMs = CACHE_MS): ClientStore {
  const now = () => clock().getTime();
  const cache = new Map<string, Cached>();
  const loading = new Map<string, Promise<Cached>>();
  let origins: { set: Set<string>; loadedAt: number } | null = null;

  async function load(clientId: string): Promise<Cached> {
    const row = await db.client.findUnique({
      where: { id: clientId },
      include: { secrets: { select: { hash: true, expiresAt: true, revokedAt: true } } },
    });
    const entry = { record: row ? toClientRecord(row) : null, secrets: row?.secrets ?? [], loadedAt: now() };
    cache.set(clientId, entry);
    return entry;
  }

  async function get(clientId: string): Promise<Cached> {
    const hit = cache.get(clientId);
    if (hit && now() - hit.loadedAt < cacheMs) return hit;
    let pending = loading.get(clientId);
    if (!pending) {
      pending = load(clientId).finally(() => loading.delete(clientId));
      loading.set(clientId, pending);
    }
    return pending;
  }

  return {
    async find(clientId) {
      if (clientId.length > 200) return null;
      return (await get(clientId)).record;
    },
    async hasLiveSecret(clientId, secretHash, now) {
      const { secrets } = await get(clientId);
      let match = false;
      for (const s of secrets) {
        const live = !s.revokedAt && (!s.expiresAt || s.expiresAt > now);
        if (constantTimeEqual(s.hash, secretHash) && live) match = true;
      }
      return match;
    },
    async originRegistered(origin) {
      if (!origins || now() - origins.loadedAt > cacheMs) {
        const rows = await db.client.findMany({ where: { disabled: false }, select: { redirectUris: true } });
        const set = new Set<string>();
        for (const r of rows) for (const uri of JSON.parse(r.redirectUris) as string[]) {
          const o = originOf(uri);
          if (o) set.add(o);
        }
        origins = { set, loadedAt: now() };
      }
      return origins.set.has(origin);
    },
  };
}
