/**
 * DPoP proofs made by hand (RFC 9449 §4.2), for the error cases a well-behaved client library
 * never produces: wrong htm or htu, stale iat, replayed jti, wrong ath, a private key in the header.
 */
import { randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { accessTokenHash } from '@/lib/oidc/dpop-proof.ts';

export type DpopKey = { privateKey: CryptoKey; publicKey: CryptoKey; jwk: JWK; jkt: string; alg: string };

export async function dpopKey(alg = 'ES256'): Promise<DpopKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(publicKey);
  return { privateKey, publicKey, jwk, jkt: await calculateJwkThumbprint(jwk), alg };
}

export type ProofClaims = {
  htm: string;
  htu: string;
  /** Seconds since the epoch; now by default. */
  iat?: number;
  jti?: string;
  nonce?: string;
  /** The access token the proof is sent with (its hash becomes ath). */
  accessToken?: string;
  /** Overrides or additions to the protected header. */
  header?: Record<string, unknown>;
  /** Claims sent as they are (after the ones above). */
  extra?: Record<string, unknown>;
};

export async function dpopProof(key: DpopKey, claims: ProofClaims): Promise<string> {
  const payload: Record<string, unknown> = {
    jti: claims.jti ?? randomUUID(),
    htm: claims.htm,
    htu: claims.htu,
    iat: claims.iat ?? Math.floor(Date.now() / 1000),
    ...(claims.nonce !== undefined ? { nonce: claims.nonce } : {}),
    ...(claims.accessToken !== undefined ? { ath: accessTokenHash(claims.accessToken) } : {}),
    ...claims.extra,
  };
  return new SignJWT(payload).setProtectedHeader({ alg: key.alg, typ: 'dpop+jwt', jwk: key.jwk, ...claims.header }).sign(key.privateKey);
}
