/**
 * Token endpoint (RFC 6749 §3.2, §5): authenticates the client, dispatches on grant_type to one
 * file per grant, and answers JSON with Cache-Control: no-store (§5.1) or an RFC 6749 §5.2 error.
 * DPoP (RFC 9449 §5): a request with a DPoP proof has it verified (lib/oidc/dpop.ts) and its
 * tokens bound to the proof's key; every answer to it carries a fresh DPoP-Nonce. A request
 * without one costs nothing more, unless the client is registered with dpop_bound_access_tokens.
 */
import { paths, type ProviderContext } from '../context.ts';
import { createDpopVerifier, dpopHeader, type DpopProof } from '../dpop.ts';
import { invalidDpopProof, withHeaders } from '../dpop-errors.ts';
import { invalidRequest, tooManyRequests, unauthorizedClient, unsupportedGrantType } from '../errors.ts';
import { clientEndpoint } from '../http/client-endpoint.ts';
import type { Params } from '../http/params.ts';
import { json } from '../http/responses.ts';
import { DEVICE_CODE_GRANT } from '../device-codes.ts';
import type { ClientRecord } from '../ports.ts';
import { authorizationCodeGrant } from '../grants/authorization-code.ts';
import { clientCredentialsGrant } from '../grants/client-credentials.ts';
import { deviceCodeGrant } from '../grants/device-code.ts';
import { refreshTokenGrant } from '../grants/refresh-token.ts';
import type { TokenResponse } from '../issue-tokens.ts';

/** `dpop`: the request's verified DPoP proof, or null without one. */
type Grant = (ctx: ProviderContext, client: ClientRecord, params: Params, dpop: DpopProof | null) => Promise<TokenResponse>;

const GRANTS: Record<string, Grant> = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  client_credentials: clientCredentialsGrant,
  [DEVICE_CODE_GRANT]: deviceCodeGrant,
};

export function tokenEndpoint(ctx: ProviderContext) {
  const dpop = createDpopVerifier(ctx);
  const url = `${ctx.settings.issuer}${paths.token}`;
  return clientEndpoint(ctx, 'token', async ({ request, params, client }) => {
    const grantType = params.get('grant_type');
    if (!grantType) throw invalidRequest('The "grant_type" parameter is required.');
    const grant = GRANTS[grantType];
    if (!grant) throw unsupportedGrantType(`grant_type "${grantType}" is not supported.`);
    if (!client.grantTypes.includes(grantType)) throw unauthorizedClient(`This client is not allowed to use the ${grantType} grant.`);
    const limit = await ctx.limits.tokenPerClient(client.id);
    if (!limit.allowed) throw tooManyRequests('This client has sent too many token requests. Retry after the time in Retry-After.', limit.retryAfterSeconds);
    const proof = dpopHeader(request, 'token');
    if (proof === null) {
      // RFC 9449 §5.2: dpop_bound_access_tokens.
      if (client.dpopBoundAccessTokens) throw invalidDpopProof('token', 'This client is registered with dpop_bound_access_tokens: send a DPoP proof with every token request.');
      return json(await grant(ctx, client, params, null));
    }
    const nonce = dpop.responseHeaders();
    try {
      return json(await grant(ctx, client, params, await dpop.verify(proof, request, { site: 'token', url })), 200, nonce);
    } catch (err) {
      throw withHeaders(err, nonce);
    }
  });
}
