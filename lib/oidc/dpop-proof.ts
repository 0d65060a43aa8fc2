/**
 * Checking a DPoP proof JWT (RFC 9449 §4.3), shared by Portico's own endpoints (lib/oidc/dpop.ts)
 * and the resource-server kit (lib/resource-server): it depends on jose and node:crypto only.
 * - Exactly one DPoP header field holding one compact JWS (§4.3 steps 1–2).
 * - typ "dpop+jwt"; alg one of DPOP_SIGNING_ALGS, all asymmetric (never "none" or an HMAC);
 *   a public `jwk` header with no private members; the signature verifies with that key (§4.2,
 *   §4.3 steps 4–7).
 * - jti, htm, htu and iat present; htm the request's method; htu the request's URI without query
 *   and fragment, both sides normalised as RFC 3986 §6.2.2 and §6.2.3 allow (§4.3 steps 8–9).
 * - iat inside the window: at most MAX_AGE_S old and FUTURE_SKEW_S ahead (§4.3 step 11, §11.1).
 * - With an access token, ath = base64url(SHA-256(token)) (§4.2, §4.3 step 12).
 * The caller decides nonces (§8, §9) and remembers the jti (§11.1): until iat + MAX_AGE_S the
 * same proof would pass here again.
 */
import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, jwtVerify, type JWK } from 'jose';

/** RFC 9449 §5.1 dpop_signing_alg_values_supported. Ed25519 is EdDSA's fully specified name (RFC 9864). */
export const DPOP_SIGNING_ALGS = ['ES256', 'ES384', 'ES512', 'RS256', 'PS256', 'EdDSA', 'Ed25519'] as const;
/** A proof is accepted up to this many seconds after its iat, and its jti remembered as long. */
export const DPOP_MAX_AGE_S = 300;
/** Clock skew allowed for a proof created "in the future" by the client's clock. */
export const DPOP_FUTURE_SKEW_S = 60;

const MAX_PROOF_CHARS = 8192;
const MAX_JTI_CHARS = 256;
/** RFC 7517 §9.2 / RFC 7518 §6: members that only a private (or symmetric) key has. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/** The proof is not acceptable; `message` says why, in words the client's developer can act on. */
export class DpopProofError extends Error {}

export type ProofExpectations = {
  /** The request's method (htm). */
  method: string;
  /** The request's absolute URI (htu is compared to it without query and fragment). */
  url: string;
  /** Now, in seconds since the epoch. */
  now: number;
  /** Presented with an access token: the proof must carry its hash (ath). */
  accessToken?: string;
};

export type CheckedProof = {
  /** RFC 7638 SHA-256 thumbprint of the proof's key: what tokens are bound to (cnf.jkt, §6). */
  jkt: string;
  jti: string;
  iat: number;
  /** The server nonce the proof carries (§8), unchecked. */
  nonce: string | undefined;
};

/** RFC 9449 §4.3 step 1: the DPoP header's one value; null without one. Several fields arrive comma-joined. */
export function singleDpopHeader(value: string | string[] | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value) || value.includes(',')) throw new DpopProofError('Send exactly one DPoP header.');
  return value.trim();
}

/** RFC 9449 §4.2 ath, and the hash of anything sent as base64url SHA-256. */
export const accessTokenHash = (accessToken: string) => createHash('sha256').update(accessToken).digest('base64url');

export async function checkDpopProof(proof: string, expected: ProofExpectations): Promise<CheckedProof> {
  if (!proof || proof.length > MAX_PROOF_CHARS || proof.split('.').length !== 3) throw new DpopProofError('The DPoP header must hold one compact JWT.');
  const jwk = publicJwkOf(proof);
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: [...DPOP_SIGNING_ALGS], currentDate: new Date(expected.now * 1000) }));
  } catch (err) {
    throw new DpopProofError(`The DPoP proof does not verify with the key in its jwk header: ${(err as Error).message}`);
  }
  const { jti, htm, htu, iat, nonce, ath } = payload;
  if (typeof jti !== 'string' || !jti || jti.length > MAX_JTI_CHARS) throw new DpopProofError(`The DPoP proof needs a jti (a unique string of at most ${MAX_JTI_CHARS} characters).`);
  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw new DpopProofError('The DPoP proof needs an iat (seconds since the epoch).');
  if (nonce !== undefined && typeof nonce !== 'string') throw new DpopProofError('The DPoP proof nonce must be a string.');
  if (htm !== expected.method) throw new DpopProofError(`The DPoP proof's htm must be the request's method, ${expected.method}.`);
  const expectedUri = normalizedHtu(expected.url);
  if (typeof htu !== 'string' || expectedUri === null || normalizedHtu(htu) !== expectedUri) {
    throw new DpopProofError(`The DPoP proof's htu must be the URI this request was sent to, ${expectedUri ?? expected.url}, without query and fragment.`);
  }
  if (iat < expected.now - DPOP_MAX_AGE_S) throw new DpopProofError(`The DPoP proof is too old: make a new proof for every request (at most ${DPOP_MAX_AGE_S} seconds old).`);
  if (iat > expected.now + DPOP_FUTURE_SKEW_S) throw new DpopProofError("The DPoP proof's iat is in the future: check the client's clock.");
  if (expected.accessToken !== undefined && ath !== accessTokenHash(expected.accessToken)) {
    throw new DpopProofError("The DPoP proof's ath must be the base64url SHA-256 hash of the access token sent with it.");
  }
  return { jkt: await calculateJwkThumbprint(jwk, 'sha256'), jti, iat, nonce };
}

/** §4.3 steps 4–5 and 7, read before any cryptography: typ, an allowed alg, and a public jwk. */
function publicJwkOf(proof: string): JWK {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(proof);
  } catch {
    throw new DpopProofError('The DPoP header must hold one compact JWT.');
  }
  if (header.typ !== 'dpop+jwt') throw new DpopProofError('A DPoP proof has typ "dpop+jwt" in its header.');
  if (!(DPOP_SIGNING_ALGS as readonly unknown[]).includes(header.alg)) {
    throw new DpopProofError(`Sign the DPoP proof with one of ${DPOP_SIGNING_ALGS.join(', ')}.`);
  }
  const jwk = header.jwk;
  if (!jwk || typeof jwk !== 'object' || Array.isArray(jwk)) throw new DpopProofError('The DPoP proof must carry its public key in a jwk header.');
  if (PRIVATE_MEMBERS.some((member) => member in jwk)) throw new DpopProofError("The DPoP proof's jwk header must hold the public key only.");
  return jwk;
}

/**
 * RFC 9449 §4.3 step 9 with RFC 3986 §6.2.2–§6.2.3 normalisation: scheme and host in lower case,
 * the default port dropped, dot segments removed, an empty path as "/", percent-encodings of
 * unreserved characters decoded and the others' hex digits in upper case; query and fragment dropped.
 */
export function normalizedHtu(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const path = url.pathname.replace(/%[0-9A-Fa-f]{2}/g, (encoded) => {
    const char = String.fromCharCode(parseInt(encoded.slice(1), 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : encoded.toUpperCase();
  });
  return url.origin + path;
}
