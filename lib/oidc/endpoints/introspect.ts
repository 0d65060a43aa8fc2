/**
 * Token introspection (RFC 7662). The caller must authenticate as a client (§2.1).
 * Confidential clients (resource servers) may introspect any access token; a client may always
 * introspect its own tokens; refresh tokens only by the client they were issued to. Anything else,
 * and any unknown, expired, rotated or revoked token, is simply {"active": false} (§2.2) — the
 * response never says why.
 */
import { findPresentedToken, isActive } from '../access-token.ts';
import { authenticateClient } from '../client-auth.ts';
import type { ProviderContext } from '../context.ts';
import { invalidRequest } from '../errors.ts';
import { clientAllowsOrigin, corsHeaders, preflight } from '../http/cors.ts';
import { formParams } from '../http/params.ts';
import { errorJson, json } from '../http/responses.ts';
import type { ClientRecord, TokenRecord } from '../ports.ts';

export function introspectionEndpoint(ctx: ProviderContext) {
  return async function introspect(request: Request): Promise<Response> {
    if (request.method === 'OPTIONS') return preflight(request, ctx.stores.clients, 'POST, OPTIONS');
    const origin = request.headers.get('origin');
    let cors: Record<string, string> = {};
    try {
      if (request.method !== 'POST') throw invalidRequest('The introspection endpoint accepts only POST.');
      const params = await formParams(request);
      const caller = await authenticateClient(request, params, ctx.stores.clients, ctx.clock);
      if (origin) cors = corsHeaders(origin, clientAllowsOrigin(caller, origin));
      const token = params.get('token');
      if (!token) throw invalidRequest('The "token" parameter is required.');
      const record = await findPresentedToken(ctx, token);
      if (!isActive(record, ctx.clock()) || !mayIntrospect(caller, record)) return json({ active: false }, 200, cors);
      return json(describe(ctx, record), 200, cors);
    } catch (err) {
      return errorJson(err, cors);
    }
  };
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
