/**
 * UserInfo endpoint (OIDC Core §5.3): GET or POST, access token in the Authorization header or
 * (POST) the form body — never both, and never in the query (RFC 6750 §2). Errors are RFC 6750 §3
 * Bearer challenges.
 */
import { findActiveToken } from '../access-token.ts';
import { userClaims } from '../claims.ts';
import type { ProviderContext } from '../context.ts';
import { OAuthError, invalidRequest, invalidToken, methodNotAllowed } from '../errors.ts';
import { bearerToken } from '../http/basic-auth.ts';
import { clientAllowsOrigin, corsHeaders, preflight } from '../http/cors.ts';
import type { HttpRequest, HttpResponse } from '../http/message.ts';
import { formParams } from '../http/params.ts';
import { errorJson, json } from '../http/responses.ts';
import { parseScope } from '../scopes.ts';

export function userinfoEndpoint(ctx: ProviderContext) {
  return async function userinfo(request: HttpRequest): Promise<HttpResponse> {
    if (request.method === 'OPTIONS') return preflight(request, ctx.stores.clients, 'GET, POST, OPTIONS');
    if (request.method !== 'GET' && request.method !== 'POST') return errorJson(methodNotAllowed('Call userinfo with GET or POST.', 'GET, POST, OPTIONS'));
    const origin = request.headers.get('origin');
    let cors: Record<string, string> = {};
    try {
      const token = await presentedToken(request);
      const active = await findActiveToken(ctx, token, request.receivedAt);
      if (!active || active.token.kind !== 'access') throw invalidToken('The access token is invalid, expired or revoked.');
      const { token: record, client } = active;
      if (origin) cors = corsHeaders(origin, clientAllowsOrigin(client, origin));
      const scopes = parseScope(record.scope);
      if (!record.userId || !scopes.includes('openid')) {
        throw new OAuthError('insufficient_scope', 'The access token does not carry the openid scope.', 403, false, 'Bearer realm="portico", error="insufficient_scope", scope="openid"');
      }
      const { user } = active;
      if (!user) throw invalidToken('The user of this token no longer exists.');
      return json(userClaims(user, scopes), 200, cors);
    } catch (err) {
      return errorJson(err, cors);
    }
  };
}

async function presentedToken(request: HttpRequest): Promise<string> {
  const header = bearerToken(request);
  let body: string | undefined;
  if (request.method === 'POST' && (request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
    body = (await formParams(request)).get('access_token');
  }
  if (header && body) throw invalidRequest('Send the access token in only one place (RFC 6750 §2).');
  const token = header ?? body;
  if (!token) {
    // RFC 6750 §3.1: no error code when the request carried no authentication at all.
    throw new OAuthError('invalid_request', 'An access token is required (Authorization: Bearer <token>).', 401, false, 'Bearer realm="portico"');
  }
  return token;
}
