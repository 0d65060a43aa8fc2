/**
 * The REST API as one `(HttpRequest) => Promise<HttpResponse>`: match the path, check the method,
 * authenticate the bearer token for the method's scope, run the handler, turn failures into JSON
 * (responses.ts). Framework-free: app/api/v1/** route files re-export it (lib/server/api-handlers.ts).
 */
import { authenticate, type ScopeFamily } from './authenticate.ts';
import { createClientHandler, deleteClientHandler, getClientHandler, listClientsHandler, updateClientHandler } from './clients.ts';
import { revokeSecretHandler, rotateSecretHandler } from './client-secrets.ts';
import { decideAccessHandler, listAccessHandler, listAppAccessHandler, requestAccessHandler, setServersHandler } from './resource-access.ts';
import { addScopeHandler, removeScopeHandler, updateScopeHandler } from './resource-scopes.ts';
import { createResourceHandler, deleteResourceHandler, getResourceHandler, listResourcesHandler, updateResourceHandler } from './resources.ts';
import type { ApiDeps, ApiHandler } from './context.ts';
import { assignGroupHandler, assignUserHandler, getAccessHandler, setAccessPolicyHandler, unassignGroupHandler, unassignUserHandler } from './app-access.ts';
import { addMemberHandler, createGroupHandler, deleteGroupHandler, getGroupHandler, listGroupsHandler, removeMemberHandler, updateGroupHandler } from './groups.ts';
import { openApiDocument } from './openapi.ts';
import { apiError, errorResponse, json } from './responses.ts';
import { type HttpRequest, type HttpResponse } from '../oidc/http/message.ts';

export const API_PREFIX = '/api/v1';

/** `family`: which PAT scopes the route needs (authenticate.ts); clients unless said. */
type Route = { pattern: string[]; methods: Record<string, ApiHandler>; family?: ScopeFamily };

/** `:name` segments are parameters. The OpenAPI document lists the same paths. */
const ROUTES: Route[] = [
  { pattern: ['clients'], methods: { GET: listClientsHandler, POST: createClientHandler } },
  { pattern: ['clients', ':client_id'], methods: { GET: getClientHandler, PATCH: updateClientHandler, DELETE: deleteClientHandler } },
  { pattern: ['clients', ':client_id', 'secrets'], methods: { POST: rotateSecretHandler } },
  { pattern: ['clients', ':client_id', 'secrets', ':secret_id'], methods: { DELETE: revokeSecretHandler } },
  { pattern: ['clients', ':client_id', 'api-access'], methods: { GET: listAppAccessHandler, POST: requestAccessHandler } },
  { pattern: ['resources'], methods: { GET: listResourcesHandler, POST: createResourceHandler }, family: 'resources' },
  { pattern: ['resources', ':id'], methods: { GET: getResourceHandler, PATCH: updateResourceHandler, DELETE: deleteResourceHandler }, family: 'resources' },
  { pattern: ['resources', ':id', 'scopes'], methods: { POST: addScopeHandler }, family: 'resources' },
  { pattern: ['resources', ':id', 'scopes', ':name'], methods: { PATCH: updateScopeHandler, DELETE: removeScopeHandler }, family: 'resources' },
  { pattern: ['resources', ':id', 'access'], methods: { GET: listAccessHandler }, family: 'resources' },
  { pattern: ['resources', ':id', 'access', ':client_id'], methods: { POST: decideAccessHandler }, family: 'resources' },
  { pattern: ['resources', ':id', 'servers'], methods: { PUT: setServersHandler }, family: 'resources' },
  // Operators only (lib/admin): groups and controlled access to any app.
  { pattern: ['groups'], methods: { GET: listGroupsHandler, POST: createGroupHandler }, family: 'admin' },
  { pattern: ['groups', ':group_id'], methods: { GET: getGroupHandler, PATCH: updateGroupHandler, DELETE: deleteGroupHandler }, family: 'admin' },
  { pattern: ['groups', ':group_id', 'members'], methods: { POST: addMemberHandler }, family: 'admin' },
  { pattern: ['groups', ':group_id', 'members', ':user_id'], methods: { DELETE: removeMemberHandler }, family: 'admin' },
  { pattern: ['clients', ':client_id', 'access'], methods: { GET: getAccessHandler, PUT: setAccessPolicyHandler }, family: 'admin' },
  { pattern: ['clients', ':client_id', 'access', 'users'], methods: { POST: assignUserHandler }, family: 'admin' },
  { pattern: ['clients', ':client_id', 'access', 'users', ':user_id'], methods: { DELETE: unassignUserHandler }, family: 'admin' },
  { pattern: ['clients', ':client_id', 'access', 'groups'], methods: { POST: assignGroupHandler }, family: 'admin' },
  { pattern: ['clients', ':client_id', 'access', 'groups', ':group_id'], methods: { DELETE: unassignGroupHandler }, family: 'admin' },
];

function match(segments: string[]): { route: Route; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    if (route.pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = route.pattern.every((part, i) => (part.startsWith(':') ? ((params[part.slice(1)] = segments[i]!), true) : part === segments[i]));
    if (ok) return { route, params };
  }
  return null;
}

function segmentsOf(pathname: string): string[] | null {
  if (!pathname.startsWith(API_PREFIX + '/')) return null;
  try {
    return pathname.slice(API_PREFIX.length + 1).split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
}

export function createApi(deps: ApiDeps) {
  return async function api(request: HttpRequest): Promise<HttpResponse> {
    try {
      const { pathname } = new URL(request.url);
      if (pathname === `${API_PREFIX}/openapi.json`) {
        if (request.method === 'GET') return json(openApiDocument(deps.issuer));
        return apiError(405, 'method_not_allowed', 'The OpenAPI document is read with GET.', { allow: 'GET' });
      }
      const found = match(segmentsOf(pathname) ?? []);
      if (!found) return apiError(404, 'not_found', `There is no API endpoint at ${pathname}. See ${API_PREFIX}/openapi.json.`);
      const handler = found.route.methods[request.method];
      if (!handler) {
        const allow = Object.keys(found.route.methods).join(', ');
        return apiError(405, 'method_not_allowed', `${request.method} is not supported here; use ${allow}.`, { allow });
      }
      const auth = await authenticate(deps.db, request, deps.clock(), found.route.family);
      if ('response' in auth) return auth.response;
      return await handler({ request, actor: auth.actor, params: found.params, deps });
    } catch (err) {
      return errorResponse(err);
    }
  };
}
