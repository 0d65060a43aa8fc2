/**
 * JWT client authentication (RFC 7523 §2.2 and §3; OIDC Core §9): private_key_jwt and
 * client_secret_jwt, at every endpoint that authenticates clients. Checked in this order, so a
 * malformed or stale assertion costs no database read and no outbound fetch:
 * 1. client_assertion_type is urn:ietf:params:oauth:client-assertion-type:jwt-bearer (RFC 7523 §2.2)
 *    and client_assertion one JWT in compact serialization (RFC 7523 §3 item 10).
 * 2. The claims (RFC 7523 §3), with a clock skew of CLOCK_SKEW_SECONDS:
 *    - iss and sub are both the client_id (items 1, 2B); a client_id sent in the body is the same one.
 *    - aud: every value identifies Portico (item 3) — see "Audience" below.
 *    - exp is required and not passed (item 4), and at most MAX_AHEAD_SECONDS ahead of Portico's
 *      clock (an assertion is made for one request; its jti is remembered until exp).
 *    - nbf and iat, when present, are not in the future (items 5, 6).
 *    - jti is required (OIDC Core §9).
 * 3. The alg decides the method: HS256/384/512 (RFC 7518 §3.2) is client_secret_jwt, an asymmetric
 *    alg (client-keys.ts) private_key_jwt, "none" and anything else nothing. It must be the method
 *    the client registered (RFC 6749 §2.3) and, when the client registered
 *    token_endpoint_auth_signing_alg, that alg (RFC 7591 §2, OIDC Registration §2).
 * 4. The signature: with the client's public keys (client-keys.ts), or an HMAC keyed with each of
 *    the client's live secrets as kept sealed for this method (lib/crypto/client-secret-seal.ts),
 *    compared in constant time by WebCrypto.
 * 5. The jti is used once (item 7): remembered per client, across instances, until exp + skew.
 *
 * Audience: RFC 7523 §3 item 3 lets the token endpoint URL identify the authorization server, and
 * OIDC Core §9 says aud SHOULD be the token endpoint URL. draft-ietf-oauth-rfc7523bis §4 (item 3b)
 * and FAPI 2.0 Security Profile §5.3.2.1 now want the issuer identifier as the sole value,
 * because an audience naming an endpoint can be injected by a malicious authorization server
 * that names another's endpoint in its metadata; RFC 9126 §2 has the PAR endpoint accept the
 * issuer, the token endpoint URL and its own URL. Portico accepts its issuer identifier, its
 * token endpoint URL and the URL of the endpoint receiving the assertion — so clients written to
 * either text work — and requires every value of aud to be one of them: an assertion that also
 * names another recipient is refused.
 *
 * Every failure is invalid_client (RFC 7521 §4.2.1). Which client the assertion names, and
 * whether it exists, is never said: failures that depend on the client share one description.
 */
import { compactVerify, decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';
import { openClientSecret } from '../crypto/client-secret-seal.ts';
import { ASYMMETRIC_ALGS, ClientKeyError, verifyClientJws } from './client-keys.ts';
import { paths, type ProviderContext } from './context.ts';
import { invalidClient, invalidRequest } from './errors.ts';
import type { HttpRequest } from './http/message.ts';
import type { Params } from './http/params.ts';
import type { ClientRecord } from './ports.ts';
import { nowSeconds } from './tokens.ts';

export const JWT_BEARER_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
export const HMAC_ALGS = ['HS256', 'HS384', 'HS512'] as const;
/** For discovery: token/introspection/revocation_endpoint_auth_signing_alg_values_supported (RFC 8414 §2). */
export const CLIENT_ASSERTION_SIGNING_ALGS = [...ASYMMETRIC_ALGS, ...HMAC_ALGS];

const CLOCK_SKEW_SECONDS = 60;
const MAX_AHEAD_SECONDS = 300;
const MAX_JTI_LENGTH = 256;
/** RFC 7515 §4.1.9 typ values a client assertion may carry (draft-ietf-oauth-rfc7523bis §4 defines the explicit one). */
const ACCEPTED_TYPES = new Set(['jwt', 'client-authentication+jwt', 'application/client-authentication+jwt']);
const FAILED = 'Client authentication failed: sign the client_assertion with a key (or secret) and algorithm this client registered, and use the method it registered.';

type AssertionMethod = 'private_key_jwt' | 'client_secret_jwt';

export async function authenticateWithAssertion(ctx: ProviderContext, request: HttpRequest, params: Params): Promise<ClientRecord> {
  const type = params.get('client_assertion_type');
  const assertion = params.get('client_assertion');
  if (type === undefined) throw invalidRequest('client_assertion_type is required with client_assertion (RFC 7523 §2.2).');
  if (assertion === undefined) throw invalidRequest('client_assertion is required with client_assertion_type (RFC 7523 §2.2).');
  if (type !== JWT_BEARER_ASSERTION) throw invalidClient(`client_assertion_type must be ${JWT_BEARER_ASSERTION}.`);

  const { alg, claims } = readAssertion(assertion);
  const clientId = checkClaims(ctx, request, params, claims);
  const method = methodOf(alg);

  const client = await ctx.stores.clients.find(clientId, request.receivedAt);
  if (!client || client.disabled || client.tokenEndpointAuthMethod !== method) throw invalidClient(FAILED);
  if (client.tokenEndpointAuthSigningAlg && client.tokenEndpointAuthSigningAlg !== alg) throw invalidClient(FAILED);
  const verified = method === 'private_key_jwt' ? await verifiedWithKeys(ctx, client, assertion, alg) : await verifiedWithSecret(ctx, client, assertion, alg);
  if (!verified) throw invalidClient(FAILED);

  // RFC 7523 §3 item 7: single use, until the assertion would be refused as expired anyway.
  const expiresAt = new Date(((claims.exp as number) + CLOCK_SKEW_SECONDS) * 1000);
  if (!(await ctx.stores.usedJtis.remember(`client_assertion:${client.id}:${claims.jti as string}`, expiresAt))) {
    throw invalidClient('This client_assertion was already used: sign a new one, with a new jti, for every request (RFC 7523 §3).');
  }
  return client;
}

function readAssertion(assertion: string): { alg: string; claims: JWTPayload } {
  let header: { alg?: unknown; typ?: unknown };
  let claims: JWTPayload;
  try {
    header = decodeProtectedHeader(assertion);
    claims = decodeJwt(assertion);
  } catch {
    throw invalidClient('client_assertion is not a signed JWT in compact serialization (RFC 7523 §3).');
  }
  if (header.typ !== undefined && !(typeof header.typ === 'string' && ACCEPTED_TYPES.has(header.typ.toLowerCase()))) {
    throw invalidClient('client_assertion has a typ of another kind of JWT: use "client-authentication+jwt", "JWT" or none.');
  }
  const alg = typeof header.alg === 'string' ? header.alg : '';
  return { alg, claims };
}

/** RFC 7523 §3 items 1–7 as far as they need no client; returns the client_id the assertion names. */
function checkClaims(ctx: ProviderContext, request: HttpRequest, params: Params, claims: JWTPayload): string {
  const { iss, sub, aud, exp, nbf, iat, jti } = claims;
  if (typeof iss !== 'string' || !iss || iss !== sub) throw invalidClient('client_assertion must have iss and sub, both the client_id (RFC 7523 §3).');
  const bodyId = params.get('client_id');
  if (bodyId !== undefined && bodyId !== sub) throw invalidClient('client_id does not match the sub of client_assertion.');

  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
  const accepted = acceptedAudiences(ctx, request);
  if (!audiences.length || !audiences.every((value) => typeof value === 'string' && accepted.has(value))) {
    throw invalidClient(`client_assertion's aud must be ${ctx.settings.issuer} (the issuer identifier) or ${ctx.settings.issuer}${paths.token}, and nothing else.`);
  }

  const now = nowSeconds(ctx.clock);
  if (typeof exp !== 'number') throw invalidClient('client_assertion must have an exp (RFC 7523 §3).');
  if (exp <= now - CLOCK_SKEW_SECONDS) throw invalidClient('client_assertion has expired: sign a new one for every request.');
  if (exp > now + MAX_AHEAD_SECONDS + CLOCK_SKEW_SECONDS) throw invalidClient(`client_assertion's exp is too far ahead: at most ${MAX_AHEAD_SECONDS / 60} minutes.`);
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now + CLOCK_SKEW_SECONDS)) throw invalidClient('client_assertion is not valid yet (nbf): check the client clock.');
  if (iat !== undefined && (typeof iat !== 'number' || iat > now + CLOCK_SKEW_SECONDS)) throw invalidClient('client_assertion was issued in the future (iat): check the client clock.');
  if (typeof jti !== 'string' || !jti || jti.length > MAX_JTI_LENGTH) throw invalidClient(`client_assertion must have a jti of at most ${MAX_JTI_LENGTH} characters (OIDC Core §9).`);
  return sub;
}

/** The issuer, the token endpoint and the endpoint being called (its path under the issuer). */
function acceptedAudiences(ctx: ProviderContext, request: HttpRequest): Set<string> {
  const { issuer } = ctx.settings;
  return new Set([issuer, `${issuer}${paths.token}`, `${issuer}${new URL(request.url).pathname}`]);
}

function methodOf(alg: string): AssertionMethod {
  if ((HMAC_ALGS as readonly string[]).includes(alg)) return 'client_secret_jwt';
  if ((ASYMMETRIC_ALGS as readonly string[]).includes(alg)) return 'private_key_jwt';
  throw invalidClient(`client_assertion's alg "${alg}" is not accepted: use one of ${CLIENT_ASSERTION_SIGNING_ALGS.join(', ')}.`);
}

async function verifiedWithKeys(ctx: ProviderContext, client: ClientRecord, assertion: string, alg: string): Promise<boolean> {
  try {
    await verifyClientJws(ctx, client, assertion, [alg]);
    return true;
  } catch (err) {
    if (err instanceof ClientKeyError) return false;
    throw err;
  }
}

/** Every live secret is tried: during a rotation the old and the new one both work. */
async function verifiedWithSecret(ctx: ProviderContext, client: ClientRecord, assertion: string, alg: string): Promise<boolean> {
  const sealed = await ctx.stores.clients.liveSealedSecrets(client.id, ctx.clock());
  for (const value of sealed) {
    let secret: string;
    try {
      secret = openClientSecret(value, ctx.settings.sealingSecret);
    } catch (err) {
      ctx.log(`a sealed secret of client ${client.id} does not open (was PORTICO_SECRET changed?)`, err);
      continue;
    }
    try {
      await compactVerify(assertion, new TextEncoder().encode(secret), { algorithms: [alg] });
      return true;
    } catch {
      // the next live secret, when there is one
    }
  }
  return false;
}
