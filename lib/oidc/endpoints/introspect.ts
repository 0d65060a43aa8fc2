/**
 * Token introspection (RFC 7662). The caller must authenticate as a client (§2.1).
 * Confidential clients (resource servers) may introspect any access token; a client may always
 * introspect its own tokens; refresh tokens only by the client they were issued to. Anything else,
 * and any unknown, expired, rotated or revoked token, is simply {"active": false} (§2.2) — the
 * response never says why.
 */
import { findActiveToken } from '../access-token.ts';
import type { ProviderContext } from '../context.ts';
import { invalidRequest } from '../errors.ts';
import { clientEndpoint } from '../http/client-endpoint.ts';
import { json } from '../http/responses.ts';
import type { ClientRecord, TokenRecord } from '../ports.ts';

export function introspectionEndpoint(ctx: ProviderContext) {
  return clientEndpoint(ctx, 'introspection', async ({ params, client }) => {
    const token = params.get('token');
    if (!token) throw invalidRequest('The "token" parameter is required.');
    const record = await findActiveToken(ctx, token);
    if (!record || !mayIntrospect(client, record)) return json({ active: false });
    return json(describe(ctx, record));
  });
}

function mayIntrospect(caller: ClientRecord, token: TokenRecord): boolean {
  if (token.clientId === caller.id) return true;
  return token.kind === 'access' && !caller.isPublic;
}

function describe(ctx: ProviderContext, t: TokenRecord) {
  return {
    active: true,
    scope: t.scope,
    client_id: t.clientId,
    token_type: t.kind === 'access' ? 'Bearer' : 'refresh_token',
    exp: Math.floor(t.expiresAt.getTime() / 1000),
    iat: Math.floor(t.createdAt.getTime() / 1000),
    iss: ctx.settings.issuer,
    ...(t.userId ? { sub: t.userId } : { sub: t.clientId }),
  };
}
