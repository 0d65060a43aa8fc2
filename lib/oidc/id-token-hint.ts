/**
 * Verifies an ID token we issued, as presented back by a client in id_token_hint
 * (OIDC Core §3.1.2.1, RP-Initiated Logout §2). Expired tokens are accepted as hints,
 * but the signature (by one of our published keys) and the issuer must be right.
 */
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import type { KeyRing } from './keys.ts';

export type IdTokenHint = { sub: string; aud: string[]; sid: string | undefined };

export async function verifyIdTokenHint(token: string, keys: KeyRing, issuer: string): Promise<IdTokenHint | null> {
  try {
    const header = decodeProtectedHeader(token);
    if (!header.kid || !header.alg) return null;
    const jwk = await keys.publicKey(header.kid);
    if (!jwk || jwk.alg !== header.alg) return null;
    const { payload } = await compactVerify(token, await importJWK(jwk, header.alg));
    const claims = JSON.parse(new TextDecoder().decode(payload));
    if (claims.iss !== issuer || typeof claims.sub !== 'string') return null;
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    return { sub: claims.sub, aud: aud.filter((a: unknown): a is string => typeof a === 'string'), sid: claims.sid };
  } catch {
    return null;
  }
}
