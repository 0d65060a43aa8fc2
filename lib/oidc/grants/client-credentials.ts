/**
 * client_credentials grant (RFC 6749 §4.4): confidential clients only, no refresh token
 * (§4.4.3), no user and therefore no OpenID scopes. `resource` (RFC 8707) names the API the token
 * is for, as at the authorization endpoint (lib/oidc/resources.ts).
 */
import type { ProviderContext } from '../context.ts';
import type { DpopProof } from '../dpop.ts';
import { invalidScope, unauthorizedClient } from '../errors.ts';
import type { Params } from '../http/params.ts';
import { issueTokens, type TokenResponse } from '../issue-tokens.ts';
import type { ClientRecord } from '../ports.ts';
import { resolveRequestedResources } from '../resources.ts';
import { parseScope } from '../scopes.ts';

const USER_SCOPES = ['openid', 'offline_access', 'profile', 'email', 'phone', 'address'];

export async function clientCredentialsGrant(ctx: ProviderContext, client: ClientRecord, params: Params, dpop: DpopProof | null): Promise<TokenResponse> {
  if (client.isPublic) throw unauthorizedClient('Public clients cannot use the client_credentials grant.');
  const requested = parseScope(params.get('scope'));
  const userScopes = requested.filter((s) => USER_SCOPES.includes(s));
  if (userScopes.length) throw invalidScope(`client_credentials tokens act for no user and cannot carry: ${userScopes.join(', ')}.`);
  const audience = await resolveRequestedResources(ctx, client, requested, params.get('resource'));
  return issueTokens(ctx, { client, grantId: `cc:${client.id}`, userId: null, scopes: requested, audience, refresh: false, dpopJkt: dpop?.jkt });
}
