/**
 * Grants bound to a DPoP key (RFC 9449), checked at the token endpoint before anything is spent:
 * - An authorization code whose authorization request named a key with dpop_jkt (§10) is
 *   redeemed only with a proof by that key, so a stolen code is useless without the private key.
 * - A refresh token issued to a public client is bound to the key of the proof it was issued with
 *   (§5) and is used only with a proof by that key.
 * A missing proof is invalid_dpop_proof; a proof by another key is invalid_grant (the grant is not
 * this key's).
 */
import { invalidDpopProof } from './dpop-errors.ts';
import type { DpopProof } from './dpop.ts';
import { invalidGrant, invalidRequest } from './errors.ts';

/** The authorization request's dpop_jkt (§10): the key's RFC 7638 SHA-256 thumbprint, or null without one. */
export function parseDpopJkt(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!/^[A-Za-z0-9_-]{43}$/.test(value)) throw invalidRequest('dpop_jkt must be the base64url SHA-256 JWK thumbprint (RFC 7638) of the DPoP key.');
  return value;
}

/** Throws unless `proof` is by the key `boundJkt` names; nothing to check for an unbound grant (null). */
export function checkKeyBinding(boundJkt: string | null, proof: DpopProof | null, grant: 'authorization code' | 'refresh token'): void {
  if (boundJkt === null) return;
  if (!proof) throw invalidDpopProof('token', `This ${grant} is bound to a DPoP key: send a DPoP proof signed with that key.`);
  if (proof.jkt !== boundJkt) throw invalidGrant(`This ${grant} is bound to another DPoP key than the one that signed the proof.`);
}
