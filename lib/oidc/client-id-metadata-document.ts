/**
 * Client ID metadata documents (draft-ietf-oauth-client-id-metadata-document; section numbers of
 * its latest revision): a client_id that is an https URL names a JSON document describing the
 * client, which this server fetches instead of requiring registration. Pure rules here; fetching
 * and caching are in lib/db/stores/metadata-document-clients.ts.
 *
 * - The URL (§3): https, a path other than "/", no userinfo, no "." or ".." segments, no fragment;
 *   Portico also refuses a query (§3: SHOULD NOT) and any URL that is not already in the form a URL
 *   parser gives it, so the client_id, the URL fetched and the document's client_id are one string
 *   (§3, §4: simple string comparison). At most 2048 characters.
 * - The document (§4): a JSON object whose client_id equals the URL. No shared secrets (§4.1):
 *   client_secret, client_secret_expires_at and the client_secret_* methods are refused.
 *   token_endpoint_auth_method "none" or absent: a public client, so PKCE is required. private_key_jwt
 *   (§8.2) is not supported yet and refused with a message saying so.
 * - What Portico takes from it: redirect_uris (required: only the code flow is offered),
 *   post_logout_redirect_uris, client_name (else the URL's host, §8.5), grant_types within
 *   authorization_code / refresh_token (RFC 7591 §2 default: authorization_code), response_types
 *   "code", scope (standard OpenID Connect scopes only; others are ignored, since API scopes need
 *   the API owner's approval), logo_uri, client_uri, policy_uri, tos_uri. Everything else — notably
 *   backchannel_logout_uri, jwks_uri and other URLs this server would call — is ignored (§8.6).
 * - The kind of app, from its redirect URIs: any loopback (http://127.0.0.1:…) or private-use
 *   scheme makes it "native", so the RFC 8252 §7.3 any-port loopback match applies; https-only is
 *   "spa": a public browser-based client with exact matching and short token lifetimes.
 * - Caching (§5.2): Cache-Control max-age, clamped to 5 minutes – 24 hours.
 */
import { isLoopback, type ClientKind } from './redirect-uri.ts';
import { STANDARD_SCOPES } from './scopes.ts';

export const MAX_CLIENT_ID_URL_LENGTH = 2048;
/** §8.7: the recommended largest document to read. */
export const MAX_DOCUMENT_BYTES = 5 * 1024;
/** §5.2: the server's own bounds on the cache lifetime. */
export const CACHE_SECONDS = { min: 300, max: 86_400 } as const;

export type DocumentClient = {
  name: string;
  kind: Extract<ClientKind, 'native' | 'spa'>;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  grantTypes: string[];
  /** Space-separated standard scopes; undefined: the kind's default. */
  scope: string | undefined;
  logoUri: string | undefined;
  clientUri: string | undefined;
  policyUri: string | undefined;
  tosUri: string | undefined;
};

export type DocumentResult = { ok: true; client: DocumentClient } | { ok: false; problem: string };

/** Whether the client_id is to be resolved as a metadata document URL (it starts with https://). */
export const looksLikeClientIdUrl = (clientId: string) => clientId.startsWith('https://');

/** Null when `clientId` is a usable Client Identifier URL (§3), otherwise what is wrong with it. */
export function clientIdUrlProblem(clientId: string): string | null {
  if (clientId.length > MAX_CLIENT_ID_URL_LENGTH) return `is longer than ${MAX_CLIENT_ID_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(clientId);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:') return 'must use https';
  if (url.username || url.password) return 'must not contain a user name or password';
  if (clientId.includes('#')) return 'must not contain a fragment';
  if (clientId.includes('?')) return 'must not contain a query';
  const afterScheme = clientId.slice(clientId.indexOf('//') + 2);
  const slash = afterScheme.indexOf('/');
  if (slash < 0 || url.pathname === '/') return 'must contain a path, such as https://app.example.com/client.json';
  const segments = afterScheme.slice(slash + 1).split('/');
  if (segments.some((segment) => /^(\.|%2e){1,2}$/i.test(segment))) return 'must not contain "." or ".." path segments';
  if (url.href !== clientId) return `must be written in its normal form (${url.href})`;
  return null;
}

/** Validates a fetched document for `clientId`. `text` is the body, already size-limited. */
export function parseMetadataDocument(clientId: string, text: string): DocumentResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail('The document is not valid JSON.');
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return fail('The document must be a JSON object.');
  const d = doc as Record<string, unknown>;
  // §4: client_id must equal the URL the document was fetched from, by simple string comparison.
  if (d.client_id !== clientId) return fail(`client_id in the document must be exactly ${clientId}.`);
  // §4.1: no shared secrets in a public document.
  const secretFields = ['client_secret', 'client_secret_expires_at'].filter((f) => f in d);
  if (secretFields.length) return fail(`The document must not contain ${secretFields.join(', ')} (draft-ietf-oauth-client-id-metadata-document §4.1).`);
  const method = d.token_endpoint_auth_method;
  if (method !== undefined && method !== 'none') {
    if (method === 'private_key_jwt') return fail('token_endpoint_auth_method private_key_jwt is not supported yet; use "none" (a public client with PKCE).');
    if (typeof method === 'string' && method.startsWith('client_secret')) {
      return fail(`token_endpoint_auth_method ${method} needs a shared secret, which a metadata document cannot have (§4.1); use "none".`);
    }
    return fail('token_endpoint_auth_method must be "none".');
  }

  const redirectUris = stringList(d.redirect_uris);
  if (!redirectUris?.length) return fail('redirect_uris must be a non-empty array of strings.');
  const postLogoutRedirectUris = d.post_logout_redirect_uris === undefined ? [] : stringList(d.post_logout_redirect_uris);
  if (!postLogoutRedirectUris) return fail('post_logout_redirect_uris must be an array of strings.');

  // RFC 7591 §2: grant_types defaults to authorization_code.
  const grantTypes = d.grant_types === undefined ? ['authorization_code'] : stringList(d.grant_types);
  if (!grantTypes || grantTypes.some((g) => g !== 'authorization_code' && g !== 'refresh_token') || !grantTypes.includes('authorization_code')) {
    return fail('grant_types must include authorization_code and may add only refresh_token.');
  }
  if (d.response_types !== undefined) {
    const responseTypes = stringList(d.response_types);
    if (!responseTypes || responseTypes.some((r) => r !== 'code')) return fail('response_types may only be ["code"].');
  }
  if (d.scope !== undefined && typeof d.scope !== 'string') return fail('scope must be a space-separated string.');
  const scope = d.scope === undefined ? undefined : d.scope.split(' ').filter((s) => (STANDARD_SCOPES as readonly string[]).includes(s)).join(' ');

  const texts: Record<string, string | undefined> = {};
  for (const field of ['client_name', 'logo_uri', 'client_uri', 'policy_uri', 'tos_uri']) {
    const value = d[field];
    if (value !== undefined && value !== null && typeof value !== 'string') return fail(`${field} must be a string.`);
    texts[field] = typeof value === 'string' && value.trim() ? value.trim() : undefined;
  }

  return {
    ok: true,
    client: {
      name: texts.client_name ?? new URL(clientId).host,
      kind: redirectUris.some(isNativeRedirect) ? 'native' : 'spa',
      redirectUris,
      postLogoutRedirectUris,
      grantTypes: [...new Set(grantTypes)],
      scope,
      logoUri: texts.logo_uri,
      clientUri: texts.client_uri,
      policyUri: texts.policy_uri,
      tosUri: texts.tos_uri,
    },
  };
}

/** §5.2 with RFC 9111 §5.2.2.1 max-age: how long a fetched document stays fresh, within CACHE_SECONDS. */
export function cacheLifetimeSeconds(cacheControl: string | undefined): number {
  const directives = (cacheControl ?? '').toLowerCase().split(',').map((d) => d.trim());
  const maxAge = directives.map((d) => /^max-age="?(\d+)"?$/.exec(d)).find(Boolean);
  const seconds = directives.includes('no-store') || directives.includes('no-cache') || !maxAge ? 0 : Number(maxAge[1]);
  return Math.min(CACHE_SECONDS.max, Math.max(CACHE_SECONDS.min, seconds));
}

function isNativeRedirect(uri: string): boolean {
  try {
    const url = new URL(uri);
    return isLoopback(url) || (url.protocol !== 'https:' && url.protocol !== 'http:');
  } catch {
    return false;
  }
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null;
}

const fail = (problem: string): DocumentResult => ({ ok: false, problem });
