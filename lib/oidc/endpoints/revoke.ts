/**
 * Token revocation (RFC 7009). The client authenticates (§2.1) and may revoke only tokens issued
 * to it. Revoking a refresh token revokes its whole grant, access tokens included (§2.1);
 * revoking an access token revokes that token. Unknown or already invalid tokens still get
 * 200 (§2.2): the client's goal — the token being unusable — is met.
 */
import { findPresentedToken } from '../access-token.ts';
import type { ProviderContext } from '../context.ts';
import { invalidRequest, unauthorizedClient } from '../errors.ts';
import { clientEndpoint } from '../http/client-endpoint.ts';
import { response } from '../http/message.ts';

export function revocationEndpoint(ctx: ProviderContext) {
  return clientEndpoint(ctx, 'revocation', async ({ params, client }) => {
    const token = params.get('token');
    if (!token) throw invalidRequest('The "token" parameter is required.');
    const record = await findPresentedToken(ctx, token);
    if (record) {
      if (record.clientId !== client.id) throw unauthorizedClient('This token was not issued to this client.');
      const now = ctx.clock();
      if (record.kind === 'refresh') await ctx.stores.grants.revoke(record.grantId, now);
      else await ctx.stores.tokens.revoke(record.hash, now);
    }
    return response(200, null, { 'cache-control': 'no-store' });
  });
}
