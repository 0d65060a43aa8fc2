/**
 * Clients whose client_id is the https URL of a client ID metadata document
 * (draft-ietf-oauth-client-id-metadata-document; the rules are in lib/oidc/client-id-metadata-document.ts).
 * The document is fetched with safe-fetch (no internal addresses, no redirects, 5 KB, 5 s) and
 * cached as a Client row whose id is the URL: no team (operator-managed, like CLI-made clients),
 * not verified, `metadataFetchedAt` set. From there the client store serves it like any client,
 * so the operator may still `portico client verify` or disable it.
 *
 * Freshness (§5.2): a row is used without fetching for the document's Cache-Control max-age,
 * clamped to 5 minutes – 24 hours. The max-age is remembered by the instance that fetched; another
 * instance (or this one after a restart) assumes the 5-minute floor from `metadataFetchedAt`.
 * When a stale row cannot be refreshed because the document's server is unreachable or errs, the
 * row keeps working until 24 hours after its last good fetch (retried at most once a minute). A
 * document that is fetched but invalid is not cached (§5.2) and its client is unknown until the
 * document is fixed. Without a usable row, the client is unknown ("client not found").
 */
import { createClientSchema } from '../../validation/client.ts';
import { clientDefaults } from '../../portal/client-defaults.ts';
import { clientColumns } from '../../portal/insert-client.ts';
import {
  CACHE_SECONDS,
  MAX_DOCUMENT_BYTES,
  cacheLifetimeSeconds,
  clientIdUrlProblem,
  parseMetadataDocument,
  type DocumentClient,
} from '../../oidc/client-id-metadata-document.ts';
import { safeFetch, SafeFetchError, type SafeFetchOptions } from '../../net/safe-fetch.ts';
import type { Db } from '../client.ts';

export type MetadataDocumentOptions = {
  /** Exact host:port pairs that may be fetched although they resolve to internal addresses (PORTICO_OUTBOUND_ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
  /** Extra TLS trust anchors (tests). */
  ca?: SafeFetchOptions['ca'];
  /** DNS resolution (tests). */
  resolve?: SafeFetchOptions['resolve'];
  timeoutMs?: number;
  log?: (message: string, err?: unknown) => void;
};

export type MetadataDocumentClients = {
  /** Brings the Client row of this URL up to date when needed; false when there is no usable client. */
  resolve(clientId: string): Promise<boolean>;
};

const STALE_IF_ERROR_MS = CACHE_SECONDS.max * 1000;
const RETRY_AFTER_FAILURE_MS = 60_000;
/** Fetches in flight at once, over all URLs; past it, stale rows are used and unknown URLs fail. */
const MAX_CONCURRENT_FETCHES = 16;
const MAX_TRACKED = 10_000;

type Freshness = { fetchedAt: number; freshUntil: number; retryAt: number };
type Fetched = { ok: true; client: DocumentClient; lifetimeSeconds: number } | { ok: false; unreachable: boolean; problem: string };

export function metadataDocumentClients(db: Db, clock: () => Date, options: MetadataDocumentOptions = {}): MetadataDocumentClients {
  const log = options.log ?? ((message: string) => console.error(`[portico] ${message}`));
  const known = new Map<string, Freshness>();
  const pending = new Map<string, Promise<boolean>>();
  let fetching = 0;

  const remember = (clientId: string, freshness: Freshness) => {
    if (known.size >= MAX_TRACKED) known.clear();
    known.set(clientId, freshness);
  };

  async function refresh(clientId: string): Promise<boolean> {
    // The row says when any instance last fetched the document.
    const row = await db.client.findUnique({ where: { id: clientId }, select: { metadataFetchedAt: true } });
    const fetchedAt = row?.metadataFetchedAt?.getTime() ?? null;
    const local = known.get(clientId);
    const now = clock().getTime();
    if (fetchedAt !== null) {
      const freshUntil = local?.fetchedAt === fetchedAt ? local.freshUntil : fetchedAt + CACHE_SECONDS.min * 1000;
      if (now < freshUntil) {
        remember(clientId, { fetchedAt, freshUntil, retryAt: 0 });
        return true;
      }
    }
    const fetched = await fetchDocument(clientId);
    if (fetched.ok) {
      const problem = await save(clientId, fetched.client, new Date(now));
      if (!problem) {
        remember(clientId, { fetchedAt: now, freshUntil: now + fetched.lifetimeSeconds * 1000, retryAt: 0 });
        return true;
      }
      return refuse(clientId, problem);
    }
    if (fetched.unreachable && fetchedAt !== null && now - fetchedAt < STALE_IF_ERROR_MS) {
      log(`client ID metadata document ${clientId}: ${fetched.problem} Using the copy fetched ${new Date(fetchedAt).toISOString()}.`);
      remember(clientId, { fetchedAt, freshUntil: 0, retryAt: now + RETRY_AFTER_FAILURE_MS });
      return true;
    }
    return refuse(clientId, fetched.problem);
  }

  function refuse(clientId: string, problem: string): false {
    known.delete(clientId);
    log(`client ID metadata document ${clientId}: ${problem} The client is treated as unknown.`);
    return false;
  }

  async function fetchDocument(clientId: string): Promise<Fetched> {
    if (fetching >= MAX_CONCURRENT_FETCHES) return { ok: false, unreachable: true, problem: 'Too many documents are being fetched at once.' };
    fetching++;
    try {
      const res = await safeFetch(clientId, {
        allowedHosts: options.allowedHosts,
        ca: options.ca,
        resolve: options.resolve,
        timeoutMs: options.timeoutMs,
        maxBytes: MAX_DOCUMENT_BYTES,
        headers: { accept: 'application/json' },
        // §4: application/json, or a more specific application/…+json.
        acceptContentType: (type) => /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type ?? ''),
      });
      // §5: only 200 OK is a document; every other status is an error.
      if (res.status !== 200) return { ok: false, unreachable: true, problem: `The document URL answered HTTP ${res.status}, not 200.` };
      const parsed = parseMetadataDocument(clientId, res.body.toString('utf8'));
      if (!parsed.ok) return { ok: false, unreachable: false, problem: parsed.problem };
      const cacheControl = res.headers['cache-control'];
      return { ok: true, client: parsed.client, lifetimeSeconds: cacheLifetimeSeconds(Array.isArray(cacheControl) ? cacheControl.join(',') : cacheControl) };
    } catch (err) {
      if (!(err instanceof SafeFetchError)) throw err;
      // A refused address, scheme or Content-Type, a redirect or an oversized body is the document's
      // fault, not an outage: no stale copy covers for it.
      const unreachable = err.code === 'timeout' || err.code === 'network' || err.code === 'dns';
      return { ok: false, unreachable, problem: `${err.message}` };
    } finally {
      fetching--;
    }
  }

  /** Upserts the row with the portal's own rules and columns; returns what breaks them, if anything. */
  async function save(clientId: string, client: DocumentClient, fetchedAt: Date): Promise<string | null> {
    const parsed = createClientSchema.safeParse({
      name: client.name,
      type: client.kind,
      redirectUris: client.redirectUris,
      postLogoutRedirectUris: client.postLogoutRedirectUris,
      grantTypes: client.grantTypes,
      scope: client.scope,
      tokenEndpointAuthMethod: 'none',
      logoUri: client.logoUri,
      clientUri: client.clientUri,
      policyUri: client.policyUri,
      tosUri: client.tosUri,
    });
    if (!parsed.success) return parsed.error.issues.map((i) => i.message).join(' ');
    const values = parsed.data;
    const { accessTokenTtl, refreshTokenTtl } = clientDefaults(values.type);
    const columns = { ...clientColumns(values), type: values.type, accessTokenTtl, refreshTokenTtl, metadataFetchedAt: fetchedAt };
    const upsert = () =>
      db.client.upsert({
        where: { id: clientId },
        // verified, disabled and skipConsent stay as the operator set them.
        create: { ...columns, id: clientId, teamId: null, verified: false, createdAt: fetchedAt },
        update: columns,
      });
    try {
      await upsert();
    } catch (err) {
      // P2002: another instance created the row between our read and write; update it instead.
      if ((err as { code?: unknown } | null)?.code !== 'P2002') throw err;
      await upsert();
    }
    return null;
  }

  return {
    async resolve(clientId) {
      if (clientIdUrlProblem(clientId)) return false;
      const local = known.get(clientId);
      const now = clock().getTime();
      if (local && (now < local.freshUntil || now < local.retryAt)) return true;
      let running = pending.get(clientId);
      if (!running) {
        running = refresh(clientId).finally(() => pending.delete(clientId));
        pending.set(clientId, running);
      }
      return running;
    },
  };
}
