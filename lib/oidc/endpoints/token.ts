/**
 * Token endpoint (RFC 6749 §3.2, §5): authenticates the client, dispatches on grant_type to one
 * file per grant, and answers JSON with Cache-Control: no-store (§5.1) or an RFC 6749 §5.2 error.
 */
import type { ProviderContext } from '../context.ts';
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

type Grant = (ctx: ProviderContext, client: ClientRecord, params: Params) => Promise<TokenResponse>;

const GRANTS: Record<string, Grant> = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  client_credentials: clientCredentialsGrant,
  [DEVICE_CODE_GRANT]: deviceCodeGrant,
};

export function tokenEndpoint(ctx: ProviderContext) {
  return clientEndpoint(ctx, 'token', async ({ params, client }) => {
    const grantType = params.get('grant_type');
    if (!grantType) throw invalidRequest('The "grant_type" parameter is required.');
    const grant = GRANTS[grantType];
    if (!grant) throw unsupportedGrantType(`grant_type "${grantType}" is not supported.`);
    if (!client.grantTypes.includes(grantType)) throw unauthorizedClient(`This client is not allowed to use the ${grantType} grant.`);
    const limit = await ctx.limits.tokenPerClient(client.id);
    if (!limit.allowed) throw tooManyRequests('This client has sent too many token requests. Retry after the time in Retry-After.', limit.retryAfterSeconds);
    return json(await grant(ctx, client, params));
  });
}
