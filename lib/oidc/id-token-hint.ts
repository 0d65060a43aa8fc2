/**
 * Verifies an ID token we issued, as presented back by a client in id_token_hint
 * (OIDC Core §3.1.2.1, RP-Initiated Logout §2). Expired tokens are accepted as hints,
 * but the signature (by one of our published keys) and the issuer must be right.
 *
 * Portico signs three kinds of JWT with the same keys, so a valid signature alone does not make
 * an ID token (RFC 8725 §3.11: keep JWTs of different kinds from being taken for one another):
 * - JWT access tokens carry typ "at+jwt" (RFC 9068 §2.1) and logout tokens "logout+jwt"
 *   (Back-Channel Logout §2.4); Portico's ID tokens carry "JWT". Any other typ is refused.
 * - The claims must be an ID token's (OIDC Core §2): sub, and an aud that is exactly one app
 *   registered here. Access-token claims (client_id, scope: RFC 9068 §2.2) and logout-token claims
 *   (events) are refused even under typ "JWT", and so is an aud of this server or of an API.
 * The hint's sub is the subject its app knows the user by — pairwise for a pairwise app (OIDC Core
 * §8.1) — so whether it names a user is asked of `namesUser`, which computes that app's subject
 * for the user; comparing sub to a user id directly would miss every pairwise hint.
 */
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import type { ProviderContext } from './context.ts';
import { subjectFor } from './subject.ts';

export type IdTokenHint = {
  /** The subject as the token says it (the user's id only for a public-subject app). */
  sub: string;
  aud: string[];
  sid: string | undefined;
  /** Whether the hint names this user (OIDC Core §3.1.2.1, RP-Initiated Logout §2). */
  namesUser(userId: string): boolean;
};

type HintContext = Pick<ProviderContext, 'keys' | 'settings' | 'stores'>;

/** Header types Portico's ID tokens have had (keys.ts signs with "JWT"); absent is the JWT default. */
const ID_TOKEN_TYPES = new Set(['jwt', undefined]);
/** Claims that only other kinds of token have: access tokens (RFC 9068 §2.2), logout tokens (§2.4). */
const FOREIGN_CLAIMS = ['client_id', 'scope', 'events'];

export async function verifyIdTokenHint(token: string, ctx: HintContext): Promise<IdTokenHint | null> {
  try {
    const header = decodeProtectedHeader(token);
    if (!header.kid || !header.alg) return null;
    // RFC 9068 §4 and §6: an "at+jwt" (or "logout+jwt") is never taken for an ID token.
    if (!ID_TOKEN_TYPES.has(header.typ?.toLowerCase())) return null;
    const jwk = await ctx.keys.publicKey(header.kid);
    if (!jwk || jwk.alg !== header.alg) return null;
    const { payload } = await compactVerify(token, await importJWK(jwk, header.alg));
    const claims = JSON.parse(new TextDecoder().decode(payload));
    if (claims.iss !== ctx.settings.issuer || typeof claims.sub !== 'string') return null;
    if (FOREIGN_CLAIMS.some((name) => name in claims)) return null;
    const aud: unknown[] = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    // OIDC Core §2: aud holds the client_id of the app the ID token was issued to.
    if (aud.length !== 1 || typeof aud[0] !== 'string' || aud[0] === ctx.settings.issuer) return null;
    const client = await ctx.stores.clients.find(aud[0]);
    if (!client) return null;
    const sub: string = claims.sub;
    return {
      sub,
      aud: [aud[0]],
      sid: typeof claims.sid === 'string' ? claims.sid : undefined,
      namesUser: (userId) => subjectFor(ctx, client, userId) === sub,
    };
  } catch {
    return null;
  }
}
