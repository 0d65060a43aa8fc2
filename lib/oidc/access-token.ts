/**
 * Resolves a presented access or refresh token to its stored record.
 * Opaque tokens are looked up by SHA-256 hash; RFC 9068 JWT access tokens are verified against
 * our keys and looked up by the hash of their jti, so revocation applies to them too.
 * How a token was presented (scheme) matters for DPoP-bound ones (lib/oidc/dpop-bound-token.ts).
 */
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import type { ProviderContext } from './context.ts';
import type { HttpRequest } from './http/message.ts';
import type { ClientRecord, TokenInContext, TokenRecord } from './ports.ts';
import { sha256 } from './tokens.ts';

/** Where an access token came from: the Authorization scheme, or the form body (bearer only, RFC 6750 §2.2). */
export type TokenPresentation = { token: string; scheme: 'Bearer' | 'DPoP' | 'body' };

/** RFC 6750 §2.1 `Authorization: Bearer <token>`, or RFC 9449 §7.1 `Authorization: DPoP <token>`; null for neither. */
export function authorizationToken(request: HttpRequest): TokenPresentation | null {
  const header = request.headers.get('authorization');
  if (!header) return null;
  const match = /^(bearer|dpop) +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  if (!match) return null;
  return { token: match[2]!, scheme: match[1]!.toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer' };
}

/** Three dot-separated parts: an RFC 9068 JWT access token, if anything of ours. */
export const looksLikeJwt = (token: string) => token.split('.').length === 3;

/**
 * The hash a presented token is stored under: its own, or for a JWT access token that of its jti
 * (once its signature is verified); null when it cannot be one of ours.
 */
async function presentedHash(ctx: ProviderContext, token: string): Promise<string | null> {
  if (token.length > 4096) return null;
  if (looksLikeJwt(token)) {
    const jti = await verifiedJti(ctx, token);
    return jti ? sha256(jti) : null;
  }
  return sha256(token);
}

/** The stored token alone. */
export async function findPresentedToken(ctx: ProviderContext, token: string): Promise<TokenRecord | null> {
  const hash = await presentedHash(ctx, token);
  return hash ? ctx.stores.tokens.find(hash) : null;
}

export type ActiveToken = { token: TokenRecord; client: ClientRecord };
export type ActiveTokenInContext = TokenInContext & { client: ClientRecord };

/**
 * Active (RFC 7662 §2.2) = not revoked, not rotated away, not expired, and issued to a client
 * that still exists and is not disabled: disabling an app stops its tokens at once (as of
 * `freshSince`, the request's arrival, when given). The token alone (introspection).
 */
export async function findActiveToken(ctx: ProviderContext, token: string, freshSince?: number): Promise<ActiveToken | null> {
  const record = await findPresentedToken(ctx, token);
  const client = await activeTokenClient(ctx, record, freshSince);
  return client ? { token: record!, client } : null;
}

/** The same, with the token's grant and user read in the same statement (userinfo). */
export async function findActiveTokenInContext(ctx: ProviderContext, token: string, freshSince?: number): Promise<ActiveTokenInContext | null> {
  const hash = await presentedHash(ctx, token);
  const found = hash ? await ctx.stores.tokens.findInContext(hash) : null;
  const client = await activeTokenClient(ctx, found?.token ?? null, freshSince);
  return client ? { ...found!, client } : null;
}

async function activeTokenClient(ctx: ProviderContext, record: TokenRecord | null, freshSince?: number): Promise<ClientRecord | null> {
  if (!record || record.revokedAt || record.consumedAt || record.expiresAt <= ctx.clock()) return null;
  const client = await ctx.stores.clients.find(record.clientId, freshSince);
  return client && !client.disabled ? client : null;
}

async function verifiedJti(ctx: ProviderContext, token: string): Promise<string | null> {
  try {
    const header = decodeProtectedHeader(token);
    if (header.typ !== 'at+jwt' || !header.kid || !header.alg) return null;
    const jwk = await ctx.keys.publicKey(header.kid);
    if (!jwk || jwk.alg !== header.alg) return null;
    const { payload } = await compactVerify(token, await importJWK(jwk, header.alg));
    const claims = JSON.parse(new TextDecoder().decode(payload));
    return claims.iss === ctx.settings.issuer && typeof claims.jti === 'string' ? claims.jti : null;
  } catch {
    return null;
  }
}
