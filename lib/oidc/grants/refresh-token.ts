/**
 * refresh_token grant (RFC 6749 §6) with rotation (OAuth 2.0 Security BCP §4.14.2):
 * every use returns a new refresh token and retires the old one. Presenting a retired token
 * again means it leaked: the whole family (the grant and every token from it) is revoked.
 * A client may turn rotation off; its refresh token then stays the same until it expires.
 * A requested scope may only narrow the original grant (§6).
 * A public client's refresh token bound to a DPoP key is used only with a proof by that key
 * (RFC 9449 §5), checked before the token is spent.
 */
import { requireAppAccessOnRefresh } from '../app-access.ts';
import type { ProviderContext } from '../context.ts';
import type { DpopProof } from '../dpop.ts';
import { checkKeyBinding } from '../dpop-binding.ts';
import { invalidGrant, invalidRequest, invalidScope } from '../errors.ts';
import type { Params } from '../http/params.ts';
import { AlreadySpentError, issueTokens, type TokenResponse } from '../issue-tokens.ts';
import type { ClientRecord } from '../ports.ts';
import { resolveTokenAudience } from '../resources.ts';
import { covers, parseScope } from '../scopes.ts';
import { sha256 } from '../tokens.ts';

export async function refreshTokenGrant(ctx: ProviderContext, client: ClientRecord, params: Params, dpop: DpopProof | null): Promise<TokenResponse> {
  const presented = params.get('refresh_token');
  if (!presented) throw invalidRequest('The "refresh_token" parameter is required.');
  const now = ctx.clock();
  // The token, its grant and its user in one statement.
  const found = await ctx.stores.tokens.findInContext(sha256(presented));
  const token = found?.token;
  if (!found || !token || token.kind !== 'refresh' || token.clientId !== client.id) throw invalidGrant('The refresh token is invalid.');
  if (token.revokedAt) throw invalidGrant('The refresh token has been revoked.');
  if (token.expiresAt <= now) throw invalidGrant('The refresh token has expired.');
  if (token.consumedAt) return reuseDetected(ctx, token.grantId, now);
  const { grant } = found;
  if (!grant || grant.revokedAt) throw invalidGrant('The authorization has been revoked.');
  // Controlled access (lib/oidc/app-access.ts): a user removed from the app's assignments gets no new tokens.
  await requireAppAccessOnRefresh(ctx, client, token.userId);
  checkKeyBinding(token.cnfJkt, dpop, 'refresh token');

  const original = parseScope(token.scope);
  const requested = params.has('scope') ? parseScope(params.get('scope')) : original;
  // Checked before the token is spent, so a bad request does not cost the client its refresh token.
  if (!covers(original, requested)) throw invalidScope('A refreshed token cannot have more scope than the original grant.');
  // RFC 8707 §2.2: the refresh token covers the grant's APIs; `resource` may only narrow them.
  const audience = await resolveTokenAudience(ctx, token.audience, params.get('resource'));

  const rotate = client.refreshTokenRotation || client.isPublic; // RFC 9700 §4.14.2: a public client's refresh tokens always rotate.
  try {
    const response = await issueTokens(ctx, {
      client,
      grantId: token.grantId,
      userId: token.userId,
      scopes: original,
      accessScopes: requested,
      audience,
      refreshResources: token.audience,
      refresh: rotate,
      // The old token is spent in the statement that stores the new ones: one wins, in one commit.
      spending: rotate ? token.hash : undefined,
      user: found.user,
      idToken: grant.authTime ? { authTime: grant.authTime, nonce: null, sid: grant.sid, acr: grant.acr, amr: grant.amr, claims: grant.claims } : undefined,
      dpopJkt: dpop?.jkt,
    });
    return rotate ? response : { ...response, refresh_token: presented };
  } catch (err) {
    if (err instanceof AlreadySpentError) return reuseDetected(ctx, token.grantId, now);
    throw err;
  }
}

async function reuseDetected(ctx: ProviderContext, grantId: string, now: Date): Promise<never> {
  await ctx.stores.grants.revoke(grantId, now);
  throw invalidGrant('The refresh token was already used; the whole token family has been revoked.');
}
