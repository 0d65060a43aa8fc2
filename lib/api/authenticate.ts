/**
 * Bearer authentication for the REST API with personal access tokens (RFC 6750).
 * - §2.1: the token comes in the Authorization header only (never the query or body).
 * - §3.1: no token → 401 with a bare `WWW-Authenticate: Bearer realm=…`; a malformed, unknown,
 *   expired or revoked token → 401 error="invalid_token"; a token without the scope the method
 *   needs → 403 error="insufficient_scope" naming that scope.
 * Scopes: reads (GET) need clients:read, writes need clients:write; under /api/v1/resources
 * resources:read and resources:write; for the operators' endpoints (groups, app access) admin:read
 * and admin:write (the route names its family, router.ts).
 */
import type { Db } from '../db/client.ts';
import { bearerToken } from '../oidc/http/basic-auth.ts';
import { authenticatePersonalAccessToken } from '../portal/authenticate-personal-access-token.ts';
import type { Actor, PatScope } from '../portal/types.ts';
import { apiError } from './responses.ts';
import { type HttpRequest, type HttpResponse } from '../oidc/http/message.ts';

const REALM = 'portico-api';

export type ScopeFamily = 'clients' | 'resources' | 'admin';

export const scopeFor = (method: string, family: ScopeFamily = 'clients'): PatScope =>
  method === 'GET' || method === 'HEAD' ? `${family}:read` : `${family}:write`;

export async function authenticate(db: Db, request: HttpRequest, now: Date, family: ScopeFamily = 'clients'): Promise<{ actor: Actor } | { response: HttpResponse }> {
  const header = request.headers.get('authorization');
  if (!header) {
    const description = 'Send a personal access token: Authorization: Bearer pat_… (create one in the developer portal).';
    return { response: apiError(401, 'invalid_token', description, { 'www-authenticate': `Bearer realm="${REALM}"` }) };
  }
  const token = bearerToken(request);
  const auth = token ? await authenticatePersonalAccessToken(db, token, now) : null;
  if (!auth) {
    return {
      response: apiError(401, 'invalid_token', 'The access token is malformed, unknown, expired or revoked. Create a new one in the developer portal.', {
        'www-authenticate': `Bearer realm="${REALM}", error="invalid_token"`,
      }),
    };
  }
  const needed = scopeFor(request.method, family);
  if (!auth.scopes.includes(needed)) {
    return {
      response: apiError(403, 'insufficient_scope', `This request needs a token with the ${needed} scope.`, {
        'www-authenticate': `Bearer realm="${REALM}", error="insufficient_scope", scope="${needed}"`,
      }),
    };
  }
  return { actor: { userId: auth.userId } };
}
