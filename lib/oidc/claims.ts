/**
 * Claims about the user (OIDC Core §5.1, §5.4) and the ID token (§2, §3.1.3.6).
 * The scopes granted decide which user claims are released; `sub` is always present, and is the
 * subject the app sees (subject.ts: public or pairwise), passed in by the caller.
 * A claim the user has not set is left out (§5.3.2), never sent empty.
 */
import { createHash } from 'node:crypto';
import type { UserRecord } from './ports.ts';
import type { SigningAlg } from './keys.ts';

type ClaimValue = (user: UserRecord) => unknown;

/** OIDC Core §5.4: the claims each scope releases, and where Portico keeps each one. */
const CLAIMS_OF_SCOPE: ReadonlyMap<string, Readonly<Record<string, ClaimValue>>> = new Map<string, Record<string, ClaimValue>>([
  ['profile', {
    name: (u) => u.name, given_name: (u) => u.givenName, family_name: (u) => u.familyName, nickname: (u) => u.nickname,
    preferred_username: (u) => u.preferredUsername, picture: (u) => u.picture, website: (u) => u.website, gender: (u) => u.gender,
    birthdate: (u) => u.birthdate, zoneinfo: (u) => u.zoneinfo, locale: (u) => u.locale,
    updated_at: (u) => Math.floor(u.updatedAt.getTime() / 1000),
  }],
  ['email', { email: (u) => u.email, email_verified: (u) => u.emailVerified }],
  ['phone', { phone_number: (u) => u.phoneNumber, phone_number_verified: (u) => (u.phoneNumber ? false : null) }],
  ['address', { address: (u) => (u.address ? { formatted: u.address } : null) }],
]);

/** Every user claim Portico can release (discovery's claims_supported, the claims request parameter). */
export const USER_CLAIMS: readonly string[] = [...CLAIMS_OF_SCOPE.values()].flatMap((claims) => Object.keys(claims));

/** The scope whose consent releases `claim` (§5.4), or null for a claim no scope releases. */
export function scopeOfClaim(claim: string): string | null {
  for (const [scope, claims] of CLAIMS_OF_SCOPE) if (Object.hasOwn(claims, claim)) return scope;
  return null;
}

export function userClaims(user: UserRecord, scopes: readonly string[], sub: string): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub };
  for (const scope of scopes) {
    for (const [claim, valueOf] of Object.entries(CLAIMS_OF_SCOPE.get(scope) ?? {})) {
      const value = valueOf(user);
      if (value !== null && value !== undefined && value !== '') claims[claim] = value;
    }
  }
  return claims;
}

/**
 * OIDC Core §3.1.3.6 at_hash / §3.3.2.11 c_hash: base64url of the left half of the hash of the
 * ASCII token, using the hash of the ID token's signing algorithm (SHA-512 for Ed25519).
 */
export function halfHash(value: string, alg: SigningAlg): string {
  const digest = createHash(alg === 'EdDSA' ? 'sha512' : 'sha256').update(value, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}
