/**
 * PKCE, RFC 7636.
 * - Only S256 is accepted; "plain" is refused (OAuth 2.0 Security BCP §2.1.1).
 * - Public clients must send a code_challenge; confidential clients may.
 * - code_challenge is the base64url SHA-256 of a 43–128 character verifier from the
 *   unreserved set (§4.1), so the challenge itself is 43 base64url characters.
 * - At the token endpoint a code issued with a challenge requires the verifier, and a code
 *   issued without one refuses a verifier (§4.5 / BCP: PKCE downgrade protection).
 */
import { createHash } from 'node:crypto';
import { invalidGrant, invalidRequest } from './errors.ts';
import { constantTimeEqual } from './tokens.ts';

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
const CHALLENGE = /^[A-Za-z0-9\-_]{43}$/;

export type PkceChallenge = { challenge: string; method: 'S256' } | null;

export function parseChallenge(challenge: string | undefined, method: string | undefined, isPublic: boolean): PkceChallenge {
  if (challenge === undefined) {
    if (method !== undefined) throw invalidRequest('code_challenge_method was sent without code_challenge.');
    if (isPublic) throw invalidRequest('PKCE is required for public clients: send code_challenge with code_challenge_method=S256.');
    return null;
  }
  const m = method ?? 'plain';
  if (m !== 'S256') throw invalidRequest('Only code_challenge_method=S256 is supported; "plain" is not allowed.');
  if (!CHALLENGE.test(challenge)) throw invalidRequest('code_challenge must be the base64url SHA-256 of the code_verifier (43 characters).');
  return { challenge, method: 'S256' };
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function verifyPkce(stored: PkceChallenge, verifier: string | undefined): void {
  if (!stored) {
    if (verifier !== undefined) throw invalidGrant('code_verifier was sent but the authorization request had no code_challenge.');
    return;
  }
  if (verifier === undefined) throw invalidGrant('code_verifier is required: the authorization request used PKCE.');
  if (!VERIFIER.test(verifier)) throw invalidGrant('code_verifier must be 43–128 characters of [A-Za-z0-9-._~].');
  if (!constantTimeEqual(s256(verifier), stored.challenge)) throw invalidGrant('code_verifier does not match the code_challenge.');
}
