/**
 * Claims about the user (OIDC Core §5.1, §5.4) and the ID token (§2, §3.1.3.6).
 * The scopes granted decide which user claims are released; `sub` is always present.
 */
import { createHash } from 'node:crypto';
import type { UserRecord } from './ports.ts';
import type { SigningAlg } from './keys.ts';

export function userClaims(user: UserRecord, scopes: readonly string[]): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub: user.id };
  // OIDC Core §5.4: the profile scope's claims, each only when the user has set it.
  if (scopes.includes('profile')) {
    const profile: [string, string | null][] = [
      ['name', user.name], ['given_name', user.givenName], ['family_name', user.familyName], ['nickname', user.nickname],
      ['preferred_username', user.preferredUsername], ['picture', user.picture], ['website', user.website], ['gender', user.gender],
      ['birthdate', user.birthdate], ['zoneinfo', user.zoneinfo], ['locale', user.locale],
    ];
    for (const [claim, value] of profile) if (value) claims[claim] = value;
    claims.updated_at = Math.floor(user.updatedAt.getTime() / 1000);
  }
  if (scopes.includes('email')) {
    claims.email = user.email;
    claims.email_verified = user.emailVerified;
  }
  if (scopes.includes('phone') && user.phoneNumber) {
    claims.phone_number = user.phoneNumber;
    claims.phone_number_verified = false;
  }
  if (scopes.includes('address') && user.address) claims.address = { formatted: user.address };
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
