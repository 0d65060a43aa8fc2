/**
 * Clients with their live secret hashes, cached in memory: the token endpoint reads the client on
 * every request, and loading it per request costs a third of the throughput.
 *
 * The cache is only as old as the "clients" counter (lib/db/cache-version.ts), which triggers move
 * on every write to Client or ClientSecret, whoever makes it (portal, REST API, RFC 7592, CLI,
 * another instance). Each lookup first reads the counter (one query for the lookups waiting, or
 * none when a reading was taken after the request arrived), and a moved counter empties the cache: a disabled or deleted client, a revoked secret or a changed
 * redirect URI applies to the very next request on every instance. MAX_AGE_MS bounds what a
 * missing trigger could leave stale.
 */
import { originOf } from '../../oidc/http/cors.ts';
import type { ClientRecord, ClientStore } from '../../oidc/ports.ts';
import type { ClientKind } from '../../oidc/redirect-uri.ts';
import { parseScopeDescriptions } from '../../oidc/scopes.ts';
import { constantTimeEqual } from '../../oidc/tokens.ts';
import { cacheVersionReader } from '../cache-version.ts';
import type { Db } from '../client.ts';
import { hotStoreOf } from '../hot/index.ts';
import { looksLikeClientIdUrl, MAX_CLIENT_ID_URL_LENGTH } from '../../oidc/client-id-metadata-document.ts';
import { metadataDocumentClients, type MetadataDocumentClients } from './metadata-document-clients.ts';

const MAX_AGE_MS = 60_000;
/** Unknown client_ids are cached too (as null); past this many entries the cache starts over. */
const MAX_ENTRIES = 10_000;

type SecretRow = { hash: string; expiresAt: Date | null; revokedAt: Date | null };
/** A secret kept sealed for client_secret_jwt (RFC 7523 §2.2): read on first use, cached with the client. */
type SealedRow = { sealed: string; expiresAt: Date | null; revokedAt: Date | null };
/** expiresAt: RFC 7591 open registrations expire (lib/oidc/endpoints/register.ts); past it the client is unknown. */
type Cached = {
  record: ClientRecord | null; secrets: SecretRow[]; expiresAt: Date | null; loadedAt: number; version: number;
  sealed?: Promise<SealedRow[]>;
};

const isLive = (s: { expiresAt: Date | null; revokedAt: Date | null }, now: Date) => !s.revokedAt && (!s.expiresAt || s.expiresAt > now);

export function toClientRecord(row: {
  id: string; name: string; type: string; tokenEndpointAuthMethod: string; redirectUris: string; postLogoutRedirectUris: string;
  grantTypes: string; scope: string; accessTokenFormat: string; idTokenSignedResponseAlg: string; accessTokenTtl: number;
  refreshTokenTtl: number; refreshTokenRotation: boolean; skipConsent: boolean; disabled: boolean;
  logoUri: string | null; clientUri: string | null; policyUri: string | null; tosUri: string | null;
  backchannelLogoutUri: string | null; verified: boolean; scopeDescriptions: string | null;
  responseTypes: string; jwks: string | null; jwksUri: string | null; tokenEndpointAuthSigningAlg: string | null;
  requestObjectSigningAlg: string | null; requirePushedAuthorizationRequests: boolean; dpopBoundAccessTokens: boolean;
  subjectType: string; sectorIdentifierUri: string | null; frontchannelLogoutUri: string | null; frontchannelLogoutSessionRequired: boolean;
  approvedApiScopes?: string[];
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
    apiScopes: [...new Set((row.approvedApiScopes ?? []).flatMap((s) => s.split(' ')).filter(Boolean))],
    metadataDocument: row.id.startsWith('https://'),
    responseTypes: JSON.parse(row.responseTypes),
    jwks: parseJwks(row.jwks),
    jwksUri: row.jwksUri,
    tokenEndpointAuthSigningAlg: row.tokenEndpointAuthSigningAlg,
    requestObjectSigningAlg: row.requestObjectSigningAlg,
    requirePushedAuthorizationRequests: row.requirePushedAuthorizationRequests,
    dpopBoundAccessTokens: row.dpopBoundAccessTokens,
    subjectType: row.subjectType === 'pairwise' ? 'pairwise' : 'public',
    sectorIdentifierUri: row.sectorIdentifierUri,
    frontchannelLogoutUri: row.frontchannelLogoutUri,
    frontchannelLogoutSessionRequired: row.frontchannelLogoutSessionRequired,
  };
}

/** A stored JWK Set (validated when registered); anything unreadable counts as no keys. */
function parseJwks(value: string | null): ClientRecord['jwks'] {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as unknown;
    const keys = (parsed as { keys?: unknown }).keys;
    return Array.isArray(keys) ? { keys: keys.filter((k): k is Record<string, unknown> => typeof k === 'object' && k !== null) } : null;
  } catch {
    return null;
  }
}

/**
 * A client_id that is an https URL is a client ID metadata document (metadata-document-clients.ts):
 * `documents` brings its row up to date first, then it is served from the cache like any client.
 */
export function clientStore(db: Db, clock: () => Date, maxAgeMs = MAX_AGE_MS, documents: MetadataDocumentClients = metadataDocumentClients(db, clock)): ClientStore {
  const now = () => clock().getTime();
  const hot = hotStoreOf(db);
  const readVersion = cacheVersionReader(hot, 'clients');
  let version = -1;
  const cache = new Map<string, Cached>();
  const loading = new Map<string, Promise<Cached>>();
  let origins: { set: Set<string>; loadedAt: number; version: number } | null = null;

  /** Catches up with the counter; a moved counter drops everything cached or being loaded. */
  async function catchUp(freshSince?: number): Promise<void> {
    moveTo(await readVersion(freshSince));
  }

  function moveTo(current: number): void {
    if (current === version) return;
    version = current;
    cache.clear();
    loading.clear();
    origins = null;
  }

  async function load(clientId: string): Promise<Cached> {
    const loadedUnder = version;
    const row = await hot.findClient(clientId);
    const entry = { record: row ? toClientRecord(row) : null, secrets: row?.secrets ?? [], expiresAt: row?.expiresAt ?? null, loadedAt: now(), version: loadedUnder };
    if (loadedUnder === version) {
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(clientId, entry);
    }
    return entry;
  }

  /** The cached entry when it is current, else undefined. */
  function cached(clientId: string): Cached | undefined {
    const hit = cache.get(clientId);
    return hit && hit.version === version && now() - hit.loadedAt < maxAgeMs ? hit : undefined;
  }

  function get(clientId: string): Promise<Cached> {
    const hit = cached(clientId);
    if (hit) return Promise.resolve(hit);
    let pending = loading.get(clientId);
    if (!pending) {
      pending = load(clientId).finally(() => loading.delete(clientId));
      loading.set(clientId, pending);
    }
    return pending;
  }

  const visible = ({ record, expiresAt }: Cached) => (expiresAt && expiresAt.getTime() <= now() ? null : record);

  async function findLoading(clientId: string, freshSince?: number): Promise<ClientRecord | null> {
    if (looksLikeClientIdUrl(clientId)) {
      if (clientId.length > MAX_CLIENT_ID_URL_LENGTH || !(await documents.resolve(clientId))) return null;
    } else if (clientId.length > 200) return null;
    await catchUp(freshSince);
    return visible(await get(clientId));
  }

  const liveSecretMatches = (secrets: SecretRow[], secretHash: string, at: Date) => {
    let match = false;
    for (const s of secrets) {
      const live = !s.revokedAt && (!s.expiresAt || s.expiresAt > at);
      if (constantTimeEqual(s.hash, secretHash) && live) match = true;
    }
    return match;
  };

  return {
    // Every request looks its client up once or twice: when the counter reading it needs is at
    // hand and the client cached, the answer takes no await (measurable on introspection).
    find(clientId, freshSince) {
      const plainId = clientId.length <= 200 && !looksLikeClientIdUrl(clientId);
      const known = plainId ? readVersion.peek(freshSince) : undefined;
      if (known !== undefined) {
        moveTo(known);
        const hit = cached(clientId);
        if (hit) return Promise.resolve(visible(hit));
      }
      return findLoading(clientId, freshSince);
    },
    // Called right after find() in the same request, which has caught up with the counter.
    hasLiveSecret(clientId, secretHash, at) {
      const hit = cached(clientId);
      if (hit) return Promise.resolve(liveSecretMatches(hit.secrets, secretHash, at));
      return get(clientId).then(({ secrets }) => liveSecretMatches(secrets, secretHash, at));
    },
    // Like hasLiveSecret, right after find(); only client_secret_jwt clients have sealed secrets.
    async liveSealedSecrets(clientId, now) {
      const entry = await get(clientId);
      entry.sealed ??= db.clientSecret
        .findMany({ where: { clientId, sealed: { not: null } }, select: { sealed: true, expiresAt: true, revokedAt: true } })
        .then((rows) => rows.map((r) => ({ ...r, sealed: r.sealed! })));
      const rows = await entry.sealed.catch((err: unknown) => {
        entry.sealed = undefined;
        throw err;
      });
      return rows.filter((s) => isLive(s, now)).map((s) => s.sealed);
    },
    async originRegistered(origin) {
      await catchUp();
      if (!origins || origins.version !== version || now() - origins.loadedAt > maxAgeMs) {
        const loadedUnder = version;
        const rows = await db.client.findMany({ where: { disabled: false }, select: { redirectUris: true } });
        const set = new Set<string>();
        for (const r of rows) for (const uri of JSON.parse(r.redirectUris) as string[]) {
          const o = originOf(uri);
          if (o) set.add(o);
        }
        origins = { set, loadedAt: now(), version: loadedUnder };
      }
      return origins.set.has(origin);
    },
  };
}
