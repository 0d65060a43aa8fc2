/**
 * Request objects (RFC 9101 JAR, OIDC Core §6.1): the authorization request's parameters as the
 * claims of a JWT the client signed, sent as `request` to the authorization endpoint or to the
 * pushed authorization request endpoint (RFC 9126 §3). Checked in this order:
 * 1. One JWS in compact serialization. Encrypted request objects (a JWE, RFC 9101 §6.1) are not
 *    supported: invalid_request_object, and discovery advertises no encryption algorithm.
 * 2. typ, when present, is "oauth-authz-req+jwt" (RFC 9101 §4, §10.8) or "JWT": another kind of
 *    JWT the client signed (a client assertion, a DPoP proof) is never taken for a request.
 * 3. Signed (OIDC Core §6.1 allows "none"; Portico does not, as FAPI 2.0 requires) with an
 *    asymmetric alg — the client's request_object_signing_alg when it registered one (OIDC
 *    Registration §2) — by one of its registered keys (client-keys.ts).
 * 4. The claims, with CLOCK_SKEW_S of clock skew: iss is the client_id and aud names the issuer
 *    (RFC 9101 §4, §10.2); client_id, when present, is the client's (§6.3); exp is required, not
 *    passed and at most MAX_LIFETIME_S ahead; nbf, when present, is not in the future, at most
 *    MAX_LIFETIME_S old and at most MAX_LIFETIME_S before exp (FAPI 1.0 Advanced §5.2.2 items 13,
 *    17; FAPI 2.0 Message Signing); iat is not in the future; request and request_uri are not among
 *    the claims (RFC 9101 §4).
 * 5. A jti, when present, is used once (remembered per client until exp, on every instance), so a
 *    captured request object cannot start a second flow.
 * 6. Only the object's claims are the request's parameters (RFC 9101 §6.3): every other parameter
 *    sent beside it is ignored, except that client_id and response_type, when sent, must be the
 *    object's (OIDC Core §6.1).
 * Every refusal is invalid_request_object (RFC 9101 §7), shown to the user: the redirect_uri the
 * error would go to is inside the object that failed.
 */
import { decodeProtectedHeader } from 'jose';
import { ASYMMETRIC_ALGS, ClientKeyError, verifyClientJws } from '../client-keys.ts';
import type { ProviderContext } from '../context.ts';
import { invalidRequestObject } from '../errors.ts';
import { toParams, type Params } from '../http/params.ts';
import type { ClientRecord } from '../ports.ts';
import { nowSeconds } from '../tokens.ts';

/** For discovery: request_object_signing_alg_values_supported (OIDC Discovery §3, RFC 8414 §2). */
export const REQUEST_OBJECT_SIGNING_ALGS = [...ASYMMETRIC_ALGS];

const CLOCK_SKEW_S = 60;
/** FAPI 1.0 Advanced §5.2.2 item 13: exp at most 60 minutes after nbf. */
const MAX_LIFETIME_S = 3600;
const MAX_JTI_LENGTH = 256;
const ACCEPTED_TYPES = new Set(['oauth-authz-req+jwt', 'application/oauth-authz-req+jwt', 'jwt']);
/** JWT claims of the object itself (RFC 7519 §4.1), not authorization request parameters. */
const JWT_CLAIMS = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti']);

/**
 * The authorization request's parameters from the request object in `outer` (the parameters it
 * came with), for `client` — the one the outer client_id names, or the one that authenticated.
 */
export async function requestObjectParams(ctx: ProviderContext, client: ClientRecord, outer: Params): Promise<Params> {
  const jwt = outer.get('request')!;
  const claims = await verifiedClaims(ctx, client, jwt);
  checkClaims(ctx, client, claims);
  await useJtiOnce(ctx, client, claims);
  const params = toRequestParams(claims);
  params.set('client_id', client.id);
  const outerResponseType = outer.get('response_type');
  if (outerResponseType !== undefined && outerResponseType !== params.get('response_type')) {
    throw invalidRequestObject('response_type sent beside the request object must be the one inside it (OIDC Core §6.1).');
  }
  return params;
}

async function verifiedClaims(ctx: ProviderContext, client: ClientRecord, jwt: string): Promise<Record<string, unknown>> {
  const parts = jwt.split('.').length;
  if (parts === 5) throw invalidRequestObject('Encrypted request objects are not supported: send the request object signed, not encrypted.');
  if (parts !== 3) throw invalidRequestObject('The request object must be a signed JWT in compact serialization (RFC 9101 §4).');
  let header: { alg?: unknown; typ?: unknown };
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    throw invalidRequestObject('The request object header could not be read.');
  }
  if (header.typ !== undefined && !(typeof header.typ === 'string' && ACCEPTED_TYPES.has(header.typ.toLowerCase()))) {
    throw invalidRequestObject('The request object has the typ of another kind of JWT: use "oauth-authz-req+jwt" (RFC 9101 §10.8).');
  }
  if (header.alg === 'none') throw invalidRequestObject('Unsigned request objects (alg "none") are not accepted: sign it with a key this client registered.');
  const algorithms = client.requestObjectSigningAlg ? [client.requestObjectSigningAlg] : REQUEST_OBJECT_SIGNING_ALGS;
  let payload: Uint8Array;
  try {
    ({ payload } = await verifyClientJws(ctx, client, jwt, algorithms));
  } catch (err) {
    if (!(err instanceof ClientKeyError)) throw err;
    const expected = client.requestObjectSigningAlg ? `with ${client.requestObjectSigningAlg} (this client's request_object_signing_alg)` : `with one of ${algorithms.join(', ')}`;
    throw invalidRequestObject(`The request object's signature was not accepted: ${err.message} Sign it ${expected}, with a key the client registered.`);
  }
  let claims: unknown;
  try {
    claims = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    claims = null;
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw invalidRequestObject('The request object payload must be a JSON object of claims.');
  return claims as Record<string, unknown>;
}

/** Steps 4 of the overview: who made it, for whom, and when. */
function checkClaims(ctx: ProviderContext, client: ClientRecord, claims: Record<string, unknown>): void {
  const { iss, aud, exp, nbf, iat, client_id: clientId } = claims;
  if (iss !== client.id) throw invalidRequestObject('The request object\'s iss must be the client_id (RFC 9101 §4).');
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
  if (!audiences.includes(ctx.settings.issuer)) throw invalidRequestObject(`The request object's aud must be the issuer identifier, ${ctx.settings.issuer} (RFC 9101 §4).`);
  if (clientId !== undefined && clientId !== client.id) throw invalidRequestObject('The client_id inside the request object must be the client_id of the request (RFC 9101 §6.3).');
  if ('request' in claims || 'request_uri' in claims) throw invalidRequestObject('A request object must not contain request or request_uri (RFC 9101 §4).');

  const now = nowSeconds(ctx.clock);
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw invalidRequestObject('The request object must have an exp.');
  if (exp <= now - CLOCK_SKEW_S) throw invalidRequestObject('The request object has expired: make a new one for every authorization request.');
  if (exp > now + MAX_LIFETIME_S + CLOCK_SKEW_S) throw invalidRequestObject(`The request object's exp is too far ahead: at most ${MAX_LIFETIME_S / 60} minutes.`);
  if (nbf !== undefined) {
    if (typeof nbf !== 'number' || !Number.isFinite(nbf)) throw invalidRequestObject('The request object\'s nbf must be a number of seconds.');
    if (nbf > now + CLOCK_SKEW_S) throw invalidRequestObject('The request object is not valid yet (nbf): check the client clock.');
    if (nbf < now - MAX_LIFETIME_S - CLOCK_SKEW_S) throw invalidRequestObject(`The request object's nbf is more than ${MAX_LIFETIME_S / 60} minutes old.`);
    if (exp - nbf > MAX_LIFETIME_S) throw invalidRequestObject(`The request object may be valid for at most ${MAX_LIFETIME_S / 60} minutes (exp - nbf).`);
  }
  if (iat !== undefined && (typeof iat !== 'number' || iat > now + CLOCK_SKEW_S)) throw invalidRequestObject('The request object was issued in the future (iat): check the client clock.');
}

async function useJtiOnce(ctx: ProviderContext, client: ClientRecord, claims: Record<string, unknown>): Promise<void> {
  const { jti, exp } = claims;
  if (jti === undefined) return;
  if (typeof jti !== 'string' || !jti || jti.length > MAX_JTI_LENGTH) throw invalidRequestObject(`The request object's jti must be a string of at most ${MAX_JTI_LENGTH} characters.`);
  const expiresAt = new Date(((exp as number) + CLOCK_SKEW_S) * 1000);
  if (!(await ctx.stores.usedJtis.remember(`request_object:${client.id}:${jti}`, expiresAt))) {
    throw invalidRequestObject('This request object was already used: make a new one, with a new jti, for every authorization request.');
  }
}

/**
 * The claims as request parameters (OIDC Core §6.1): strings as they are; numbers (max_age) and
 * booleans in decimal; `resource` as one or several URIs (RFC 8707 §2); JSON objects and other
 * arrays (claims, authorization_details) as their JSON text, as the query would carry them.
 */
function toRequestParams(claims: Record<string, unknown>): Params {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(claims)) {
    if (JWT_CLAIMS.has(name) || value === null || value === undefined) continue;
    if (name === 'resource' && Array.isArray(value)) {
      for (const uri of value) search.append(name, typeof uri === 'string' ? uri : JSON.stringify(uri));
    } else if (typeof value === 'string') {
      search.append(name, value);
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      search.append(name, String(value));
    } else {
      search.append(name, JSON.stringify(value));
    }
  }
  return toParams(search);
}
