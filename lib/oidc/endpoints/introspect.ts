/**
 * Token introspection (RFC 7662). The caller must authenticate as a client (§2.1).
 * A client may introspect its own tokens; an access token also by a resource server of one of the
 * APIs in its audience (RFC 8707; the API's owner names its servers), and by no one else (§4:
 * the server decides who may learn about a token). Anything else, and any unknown, expired,
 * rotated or revoked token, is simply {"active": false} (§2.2) — the response never says why.
 * `aud` lists the token's APIs (RFC 7662 §2.2). A DPoP-bound token says so: token_type "DPoP"
 * and `cnf.jkt`, the key's thumbprint, so a resource server can check the proof (RFC 9449 §6.2).
 * `sub` is the user as the token's app sees them (subject.ts: pairwise for a pairwise app, OIDC
 * Core §8), as in its ID tokens and JWT access tokens; the client_id for a token without a user.
 */
import { findActiveToken, looksLikeJwt, type ActiveToken } from '../access-token.ts';
import type { ProviderContext } from '../context.ts';
import { invalidRequest } from '../errors.ts';
import { clientEndpoint } from '../http/client-endpoint.ts';
import { json } from '../http/responses.ts';
import type { ClientRecord, TokenRecord } from '../ports.ts';
import { subjectFor } from '../subject.ts';

export function introspectionEndpoint(ctx: ProviderContext) {
  return clientEndpoint<ActiveToken | null | undefined>(
    ctx,
    'introspection',
    async ({ request, params, client, prefetched }) => {
      const token = params.get('token');
      if (!token) throw invalidRequest('The "token" parameter is required.');
      const active = prefetched === undefined ? await findActiveToken(ctx, token, request.receivedAt) : prefetched;
      if (!active || !(await mayIntrospect(ctx, client, active.token))) return json({ active: false });
      return json(describe(ctx, active));
    },
    // An opaque token is looked up before the caller is authenticated: the lookup reads the clients
    // counter, which authentication then needs no query for. A JWT waits: checking its signature
    // is work no unauthenticated caller may ask for.
    async (request, params) => {
      const token = params.get('token');
      return token && !looksLikeJwt(token) ? findActiveToken(ctx, token, request.receivedAt) : undefined;
    },
  );
}

async function mayIntrospect(ctx: ProviderContext, caller: ClientRecord, token: TokenRecord): Promise<boolean> {
  if (token.clientId === caller.id) return true;
  if (token.kind !== 'access' || !token.audience) return false;
  for (const identifier of token.audience.split(' ')) {
    const resource = await ctx.stores.resources.findByIdentifier(identifier);
    if (resource?.serverClientIds.includes(caller.id)) return true;
  }
  return false;
}

function describe(ctx: ProviderContext, { token: t, client }: ActiveToken) {
  return {
    active: true,
    scope: t.scope,
    client_id: t.clientId,
    token_type: t.kind === 'refresh' ? 'refresh_token' : t.cnfJkt ? 'DPoP' : 'Bearer',
    exp: Math.floor(t.expiresAt.getTime() / 1000),
    iat: Math.floor(t.createdAt.getTime() / 1000),
    iss: ctx.settings.issuer,
    ...(t.audience ? { aud: audienceClaim(t.audience) } : {}),
    sub: t.userId ? subjectFor(ctx, client, t.userId) : t.clientId,
    ...(t.cnfJkt ? { cnf: { jkt: t.cnfJkt } } : {}),
  };
}

const audienceClaim = (audience: string) => {
  const list = audience.split(' ');
  return list.length === 1 ? list[0] : list;
};
