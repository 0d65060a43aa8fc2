/**
 * UserInfo endpoint (OIDC Core §5.3): GET or POST, access token in the Authorization header or
 * (POST) the form body — never both, and never in the query (RFC 6750 §2). Errors are RFC 6750 §3
 * Bearer challenges.
 * DPoP (RFC 9449 §7): a DPoP-bound token comes as `Authorization: DPoP <token>` with a proof by
 * its key (lib/oidc/dpop-bound-token.ts); its refusals are DPoP challenges naming the accepted
 * algs, and a proof needs this server's nonce (§9). Bearer requests take the path they always did.
 * The claims: those of the token's scopes, plus what the authorization's claims parameter asked
 * for at userinfo that the user consented to (OIDC Core §5.5, claims-request.ts); `sub` is the
 * subject the token's app sees (subject.ts, §8), the same as in its ID token (§5.3.2).
 */
import { authorizationToken, findActiveTokenInContext, type ActiveTokenInContext, type TokenPresentation } from '../access-token.ts';
import { consentedScopes, requestedUserClaims, requestsUserClaims, storedClaimsRequest } from '../claims-request.ts';
import { userClaims } from '../claims.ts';
import { paths, type ProviderContext } from '../context.ts';
import { createDpopVerifier } from '../dpop.ts';
import { checkDpopBinding, needsDpopCheck } from '../dpop-bound-token.ts';
import { dpopChallenge, invalidDpopToken } from '../dpop-errors.ts';
import { OAuthError, invalidRequest, invalidToken, methodNotAllowed } from '../errors.ts';
import { clientAllowsOrigin, corsHeaders, preflight } from '../http/cors.ts';
import type { HttpRequest, HttpResponse } from '../http/message.ts';
import { formParams } from '../http/params.ts';
import { errorJson, json } from '../http/responses.ts';
import type { UserRecord } from '../ports.ts';
import { parseScope } from '../scopes.ts';
import { subjectFor } from '../subject.ts';

export function userinfoEndpoint(ctx: ProviderContext) {
  const dpop = createDpopVerifier(ctx);
  const url = `${ctx.settings.issuer}${paths.userinfo}`;
  return async function userinfo(request: HttpRequest): Promise<HttpResponse> {
    if (request.method === 'OPTIONS') return preflight(request, ctx.stores.clients, 'GET, POST, OPTIONS');
    if (request.method !== 'GET' && request.method !== 'POST') return errorJson(methodNotAllowed('Call userinfo with GET or POST.', 'GET, POST, OPTIONS'));
    const origin = request.headers.get('origin');
    let cors: Record<string, string> = {};
    // RFC 9449 §9: every answer to a request with a proof carries a fresh nonce.
    const nonce = request.headers.get('dpop') === null ? {} : dpop.responseHeaders();
    try {
      const presented = await presentedToken(request);
      const active = await findActiveTokenInContext(ctx, presented.token, request.receivedAt);
      if (!active || active.token.kind !== 'access') {
        const description = 'The access token is invalid, expired or revoked.';
        throw presented.scheme === 'DPoP' ? invalidDpopToken(description) : invalidToken(description);
      }
      const { token: record, client } = active;
      if (origin) cors = corsHeaders(origin, clientAllowsOrigin(client, origin));
      if (needsDpopCheck(presented, record)) await checkDpopBinding(dpop, request, presented, record, url);
      const scopes = parseScope(record.scope);
      if (!record.userId || !scopes.includes('openid')) {
        const description = 'The access token does not carry the openid scope.';
        const challenge = record.cnfJkt
          ? `${dpopChallenge({ code: 'insufficient_scope', description })}, scope="openid"`
          : 'Bearer realm="portico", error="insufficient_scope", scope="openid"';
        throw new OAuthError('insufficient_scope', description, 403, false, challenge);
      }
      const { user } = active;
      if (!user) throw invalidToken('The user of this token no longer exists.');
      return json(await claimsFor(ctx, active, user, scopes), 200, { ...cors, ...nonce });
    } catch (err) {
      return errorJson(err, { ...cors, ...nonce });
    }
  };
}

async function claimsFor(ctx: ProviderContext, active: ActiveTokenInContext, user: UserRecord, scopes: string[]): Promise<Record<string, unknown>> {
  const claims = userClaims(user, scopes, subjectFor(ctx, active.client, user.id));
  const requested = storedClaimsRequest(active.grant?.claims ?? null);
  if (!requestsUserClaims(requested, 'userinfo')) return claims;
  return { ...claims, ...requestedUserClaims(requested, 'userinfo', user, await consentedScopes(ctx, user.id, active.client.id, scopes)) };
}

async function presentedToken(request: HttpRequest): Promise<TokenPresentation> {
  const header = authorizationToken(request);
  let body: string | undefined;
  if (request.method === 'POST' && (request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
    body = (await formParams(request)).get('access_token');
  }
  if (header && body) throw invalidRequest('Send the access token in only one place (RFC 6750 §2).');
  if (header) return header;
  if (body) return { token: body, scheme: 'body' };
  // RFC 6750 §3.1, RFC 9449 §7.1: no error code when the request carried no authentication at all.
  throw new OAuthError('invalid_request', 'An access token is required (Authorization: Bearer <token>, or DPoP <token> with a DPoP proof).', 401, false, `Bearer realm="portico", ${dpopChallenge()}`);
}
