/**
 * authorization_code grant (RFC 6749 §4.1.3, OIDC Core §3.1.3.2).
 * - Codes are single-use and short-lived (60 s by default). A second use fails with invalid_grant
 *   and revokes every token already issued from that code (RFC 6749 §4.1.2, §10.5).
 * - The code must have been issued to the authenticated client, and redirect_uri must be
 *   identical to the one in the authorization request (§4.1.3).
 * - PKCE is verified (RFC 7636 §4.6).
 * - A code bound to a DPoP key with dpop_jkt is redeemed only with a proof by that key (RFC 9449 §10).
 */
import { requireAppAccessOnRefresh } from '../app-access.ts';
import type { ProviderContext } from '../context.ts';
import type { DpopProof } from '../dpop.ts';
import { checkKeyBinding } from '../dpop-binding.ts';
import { invalidGrant, invalidRequest } from '../errors.ts';
import type { Params } from '../http/params.ts';
import { issueTokens, type TokenResponse } from '../issue-tokens.ts';
import type { ClientRecord } from '../ports.ts';
import { verifyPkce } from '../pkce.ts';
import { resolveTokenAudience } from '../resources.ts';
import { parseScope } from '../scopes.ts';
import { sha256 } from '../tokens.ts';

export async function authorizationCodeGrant(ctx: ProviderContext, client: ClientRecord, params: Params, dpop: DpopProof | null): Promise<TokenResponse> {
  const code = params.get('code');
  if (!code) throw invalidRequest('The "code" parameter is required.');
  const redirectUri = params.get('redirect_uri');
  if (!redirectUri) throw invalidRequest('The "redirect_uri" parameter is required.');

  const now = ctx.clock();
  const used = await ctx.stores.codes.consume(sha256(code), now);
  if (!used || used.code.clientId !== client.id) throw invalidGrant('The authorization code is invalid.');
  if (!used.firstUse) {
    await ctx.stores.grants.revoke(used.code.grantId, now);
    throw invalidGrant('The authorization code was already used; every token issued from it has been revoked.');
  }
  const { code: record, grant, user } = used;
  if (record.expiresAt <= now) throw invalidGrant('The authorization code has expired.');
  if (record.redirectUri !== redirectUri) throw invalidGrant('redirect_uri does not match the one used in the authorization request.');
  verifyPkce(record.codeChallenge ? { challenge: record.codeChallenge, method: 'S256' } : null, params.get('code_verifier'));
  checkKeyBinding(record.dpopJkt, dpop, 'authorization code');

  const scopes = parseScope(record.scope);
  if (!grant || grant.revokedAt) throw invalidGrant('The authorization has been revoked.');
  // Controlled access: a code issued just before the user was removed from the app buys nothing.
  await requireAppAccessOnRefresh(ctx, client, record.userId);
  const audience = await resolveTokenAudience(ctx, grant.resources, params.get('resource'));

  return issueTokens(ctx, {
    client,
    grantId: record.grantId,
    userId: record.userId,
    scopes,
    audience,
    refreshResources: grant.resources,
    refresh: mayRefresh(client, scopes),
    user,
    idToken: { authTime: record.authTime, nonce: record.nonce, sid: grant.sid, acr: grant.acr, amr: grant.amr, claims: grant.claims },
    dpopJkt: dpop?.jkt,
  });
}

/** OIDC Core §11: a refresh token only with offline_access, for clients allowed the refresh_token grant. */
export function mayRefresh(client: ClientRecord, scopes: readonly string[]): boolean {
  return client.grantTypes.includes('refresh_token') && scopes.includes('offline_access');
}
