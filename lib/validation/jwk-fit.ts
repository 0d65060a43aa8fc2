/**
 * Which public key can verify which JWS algorithm (RFC 7518 §3.1, RFC 8037 §3.1), and which JWE
 * key-management algorithms a key registered for encryption may name (RFC 7518 §4.1): the
 * key-type sanity of a client's JWK Set (jwks.ts) and of a signing algorithm chosen beside it
 * (client-key-rules.ts). Plain TypeScript: the portal form runs it in the browser too.
 */

/**
 * JWS algorithms a client can sign with using a private key: the ones lib/oidc/client-keys.ts
 * verifies (a test keeps the lists equal; this copy has no server imports, for the browser).
 * Ed25519 is the fully-specified name of EdDSA on that curve (RFC 9864 §2.2).
 */
export const ASYMMETRIC_JWS_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'] as const;
/** JWS algorithms keyed with a shared secret (RFC 7518 §3.2): for Portico, the client secret. */
export const HMAC_JWS_ALGS = ['HS256', 'HS384', 'HS512'] as const;
/** Every JWS algorithm Portico accepts from clients (client assertions, request objects); never "none". */
export const CLIENT_JWS_ALGS = [...ASYMMETRIC_JWS_ALGS, ...HMAC_JWS_ALGS] as const;
export type ClientJwsAlg = (typeof CLIENT_JWS_ALGS)[number];

export const JWE_KEY_ALGS = ['RSA-OAEP', 'RSA-OAEP-256', 'ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW'] as const;

export const isHmacAlg = (alg: string) => (HMAC_JWS_ALGS as readonly string[]).includes(alg);
export const isAsymmetricAlg = (alg: string) => (ASYMMETRIC_JWS_ALGS as readonly string[]).includes(alg);

/** Curves by key type, and the byte length of their coordinates (RFC 7518 §6.2.1, RFC 8037 §2). */
export const CURVE_BYTES: Record<string, Record<string, number>> = {
  EC: { 'P-256': 32, 'P-384': 48, 'P-521': 66 },
  OKP: { Ed25519: 32, Ed448: 57, X25519: 32, X448: 56 },
};

const EC_ALG_CURVE: Record<string, string> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' };

type PublicJwk = { kty?: unknown; crv?: unknown };

/** Whether `jwk` can verify signatures made with `alg`. */
export function keyVerifies(jwk: PublicJwk, alg: string): boolean {
  if (/^(RS|PS)(256|384|512)$/.test(alg)) return jwk.kty === 'RSA';
  if (alg in EC_ALG_CURVE) return jwk.kty === 'EC' && jwk.crv === EC_ALG_CURVE[alg];
  if (alg === 'EdDSA') return jwk.kty === 'OKP' && (jwk.crv === 'Ed25519' || jwk.crv === 'Ed448');
  if (alg === 'Ed25519') return jwk.kty === 'OKP' && jwk.crv === 'Ed25519';
  return false;
}

/** Whether `jwk` can be used with the JWE key-management algorithm `alg`. */
export function keyEncrypts(jwk: PublicJwk, alg: string): boolean {
  if (alg.startsWith('RSA-OAEP')) return jwk.kty === 'RSA';
  if (alg.startsWith('ECDH-ES')) return jwk.kty === 'EC' || (jwk.kty === 'OKP' && (jwk.crv === 'X25519' || jwk.crv === 'X448'));
  return false;
}

/** Whether a key of this type and curve can sign at all (X25519 and X448 only agree on keys). */
export const canSign = (jwk: PublicJwk) => jwk.kty === 'RSA' || jwk.kty === 'EC' || (jwk.kty === 'OKP' && (jwk.crv === 'Ed25519' || jwk.crv === 'Ed448'));
