/**
 * Token revocation (RFC 7009). The client authenticates (§2.1) and may revoke only tokens issued
 * to it. Revoking a refresh token revokes its whole grant, access tokens included (§2.1);
 * revoking an access token revokes that token. Unknown or already invalid tokens still get
 * 200 (§2.2): the client's goal — the token being unusable — is met.
 * Another client's token is, for this client, an invalid token: it gets the same 200 and is left
 * alone, so revocation cannot tell a caller whether a string it holds is someone's live token.
 */
import { findPresentedToken } from '../access-token.ts';
import type { ProviderContext } from '../context.ts';
import { invalidRequest } from '../errors.ts';
import { clientEndpoint } from '../http/client-endpoint.ts';
import { response } from '../http/message.ts';

export function revocationEndpoint(ctx: ProviderContext) {
  return clientEndpoint(ctx, 'revocation', async ({ params, client }) => {
    const token = params.get('token');
    if (!token) throw invalidRequest('The "token" parameter is required.');
    const record = await findPresentedToken(ctx, token);
    if (record && record.clientId === client.id) {
      const now = ctx.clock();
      if (record.kind === 'refresh') await ctx.stores.grants.revoke(record.grantId, now);
      else await ctx.stores.tokens.revoke(record.hash, now);
    }
    return response(200, null, { 'cache-control': 'no-store' });
  });
}
