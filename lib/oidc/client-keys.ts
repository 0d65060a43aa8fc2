/**
 * A client's public keys (RFC 7591 §2 jwks or jwks_uri) and the verification of what it signed
 * with them: client assertions (RFC 7523 §2.2, private_key_jwt) and request objects (RFC 9101).
 * - The inline jwks is used when the client has one, else the jwks_uri (client-jwks-uri.ts:
 *   fetched safely, cached, refetched at most once a minute). RFC 7591 §2 forbids registering both.
 * - Only public asymmetric keys count: a JWK with private or symmetric members ("d", "k", …) is
 *   never used, whatever the set holds.
 * - A key fits a JWS when its kty (and crv) suit the alg (RFC 7518 §3), its "use" is absent or
 *   "sig" and its "key_ops" absent or include "verify" (RFC 7517 §4.2–4.3), its "alg" is absent
 *   or the same (§4.4), and — when the JWS names a kid — its kid is that one (RFC 7515 §4.1.4).
 *   Without a kid every fitting key is tried, up to MAX_CANDIDATES.
 * - No key fits (a new kid, a new key type): the jwks_uri set is fetched again once.
 * - RSA keys under 2048 bits are refused (jose, RFC 7518 §3.3); "none" and HMAC never reach here.
 */
import { compactVerify, decodeProtectedHeader, importJWK, type CompactVerifyResult, type JWK } from 'jose';
import { jwksFromUri, JwksUnavailableError } from './client-jwks-uri.ts';
import type { ProviderContext } from './context.ts';
import type { ClientRecord } from './ports.ts';

/** RFC 7518 §3.3–3.5 and RFC 8037 (EdDSA); "Ed25519" is RFC 9864's name, which openid-client 6 sends. */
export const ASYMMETRIC_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'] as const;

const MAX_CANDIDATES = 8;
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/** Why a client's JWS did not verify; callers turn it into their own protocol error. */
export class ClientKeyError extends Error {}

/**
 * The client's public signing keys: its inline jwks, or the set at its jwks_uri (`refresh`: a key
 * was missing, fetch the set again if the last fetch is over a minute old). Empty when it has neither.
 */
export async function clientPublicKeys(ctx: ProviderContext, client: ClientRecord, refresh = false): Promise<JWK[]> {
  const keys = client.jwks ? (client.jwks.keys as JWK[]) : client.jwksUri ? await fromUri(ctx, client.jwksUri, refresh) : [];
  return keys.filter((jwk) => !PRIVATE_MEMBERS.some((member) => member in jwk));
}

async function fromUri(ctx: ProviderContext, uri: string, refresh: boolean): Promise<JWK[]> {
  try {
    return await jwksFromUri(ctx, uri, refresh);
  } catch (err) {
    if (err instanceof JwksUnavailableError) throw new ClientKeyError(err.message);
    throw err;
  }
}

/**
 * Verifies a compact JWS with the client's keys. `algorithms`: the algs the caller accepts
 * (asymmetric ones only). Throws ClientKeyError when the JWS is malformed, its alg is not
 * accepted, no key fits or the signature does not verify.
 */
export async function verifyClientJws(ctx: ProviderContext, client: ClientRecord, jws: string, algorithms: readonly string[]): Promise<CompactVerifyResult> {
  let header: { alg?: unknown; kid?: unknown };
  try {
    header = decodeProtectedHeader(jws);
  } catch {
    throw new ClientKeyError('The JWS header could not be read.');
  }
  const alg = typeof header.alg === 'string' ? header.alg : '';
  if (!algorithms.includes(alg) || !(ASYMMETRIC_ALGS as readonly string[]).includes(alg)) throw new ClientKeyError(`The alg "${alg}" is not accepted here.`);
  const kid = typeof header.kid === 'string' ? header.kid : undefined;

  let candidates = fitting(await clientPublicKeys(ctx, client), alg, kid);
  if (!candidates.length && !client.jwks && client.jwksUri) candidates = fitting(await clientPublicKeys(ctx, client, true), alg, kid);
  if (!candidates.length) throw new ClientKeyError(kid ? `No key with kid "${kid}" fits the alg ${alg}.` : `No key fits the alg ${alg}.`);

  for (const jwk of candidates.slice(0, MAX_CANDIDATES)) {
    let key: Awaited<ReturnType<typeof importJWK>>;
    try {
      key = await importJWK(jwk, alg);
    } catch {
      continue; // a malformed key in the client's set: the others may still verify
    }
    try {
      return await compactVerify(jws, key, { algorithms: [alg] });
    } catch {
      // the next fitting key, when there is one
    }
  }
  throw new ClientKeyError('The signature does not verify with any of the keys the client registered.');
}

function fitting(keys: JWK[], alg: string, kid: string | undefined): JWK[] {
  return keys.filter(
    (jwk) =>
      (kid === undefined || jwk.kid === kid) &&
      (jwk.use === undefined || jwk.use === 'sig') &&
      (!Array.isArray(jwk.key_ops) || jwk.key_ops.includes('verify')) &&
      (jwk.alg === undefined || jwk.alg === alg) &&
      keyTypeFits(jwk, alg),
  );
}

/** RFC 7518 §3.1 and RFC 8037 §3.1: the key type (and curve) each alg needs. */
function keyTypeFits(jwk: JWK, alg: string): boolean {
  if (/^(RS|PS)(256|384|512)$/.test(alg)) return jwk.kty === 'RSA';
  if (alg === 'ES256') return jwk.kty === 'EC' && jwk.crv === 'P-256';
  if (alg === 'ES384') return jwk.kty === 'EC' && jwk.crv === 'P-384';
  if (alg === 'ES512') return jwk.kty === 'EC' && jwk.crv === 'P-521';
  if (alg === 'Ed25519') return jwk.kty === 'OKP' && jwk.crv === 'Ed25519';
  if (alg === 'EdDSA') return jwk.kty === 'OKP' && (jwk.crv === 'Ed25519' || jwk.crv === 'Ed448');
  return false;
}
