/**
 * The OpenAPI description of /api/v1/resources/** and /api/v1/clients/{client_id}/api-access,
 * from the schemas the handlers parse with (resource-json.ts). openapi.ts merges these in.
 */
import type { z } from 'zod';
import {
  accessRequestListSchema, accessRequestSchema, addScopeBodySchema, appAccessListSchema, appAccessSchema, createResourceBodySchema, decideAccessBodySchema,
  requestAccessBodySchema, resourceListSchema, resourceSchema, scopeSchema, serverListSchema, setServersBodySchema, updateResourceBodySchema,
  updateScopeBodySchema,
} from './resource-json.ts';

export function registerResourceSchemas(registry: z.core.$ZodRegistry<{ id: string }>): void {
  const entries: [z.ZodType, string][] = [
    [createResourceBodySchema, 'ApiResourceCreation'], [updateResourceBodySchema, 'ApiResourceUpdate'], [resourceSchema, 'ApiResource'],
    [resourceListSchema, 'ApiResourceList'], [addScopeBodySchema, 'ApiScopeCreation'], [updateScopeBodySchema, 'ApiScopeUpdate'], [scopeSchema, 'ApiScope'],
    [accessRequestSchema, 'ApiAccessRequest'], [accessRequestListSchema, 'ApiAccessRequestList'], [decideAccessBodySchema, 'ApiAccessDecision'],
    [setServersBodySchema, 'ResourceServers'], [serverListSchema, 'ResourceServerList'], [requestAccessBodySchema, 'ApiAccessAsk'],
    [appAccessSchema, 'AppApiAccess'], [appAccessListSchema, 'AppApiAccessList'],
  ];
  for (const [schema, id] of entries) registry.add(schema, { id });
}

type Helpers = {
  body: (name: string) => unknown;
  ok: (description: string, name?: string) => unknown;
  error: (description: string) => unknown;
  authErrors: Record<number, unknown>;
};

const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

export function resourcePaths({ body, ok, error, authErrors }: Helpers) {
  const notFound = { 404: error('not_found: no such API (or scope, or request), or not one of your teams’ APIs; operator-managed APIs are not listed here') };
  const invalid = { 400: error('invalid_request, naming each field') };
  const id = path('id');
  return {
    '/api/v1/resources': {
      get: {
        summary: 'List the APIs of your teams (resources:read)', operationId: 'listResources',
        parameters: [{ name: 'team_id', in: 'query', required: false, schema: { type: 'string' } }],
        responses: { 200: ok('The APIs', 'ApiResourceList'), ...authErrors },
      },
      post: {
        summary: 'Register an API (team_id defaults to your personal team; resources:write)', operationId: 'createResource', requestBody: body('ApiResourceCreation'),
        responses: { 201: ok('Created', 'ApiResource'), ...invalid, ...authErrors, ...notFound },
      },
    },
    '/api/v1/resources/{id}': {
      parameters: [id],
      get: { summary: 'Read an API with its scopes and resource servers', operationId: 'getResource', responses: { 200: ok('The API', 'ApiResource'), ...authErrors, ...notFound } },
      patch: {
        summary: 'Change an API’s name, description, token format or lifetime (never its identifier)', operationId: 'updateResource', requestBody: body('ApiResourceUpdate'),
        responses: { 200: ok('The updated API', 'ApiResource'), ...invalid, ...authErrors, ...notFound },
      },
      delete: { summary: 'Delete an API with its scopes and approvals (team owners)', operationId: 'deleteResource', responses: { 204: ok('Deleted'), ...authErrors, ...notFound } },
    },
    '/api/v1/resources/{id}/scopes': {
      parameters: [id],
      post: {
        summary: 'Add a scope (names are unique across all APIs)', operationId: 'addResourceScope', requestBody: body('ApiScopeCreation'),
        responses: { 201: ok('The scope', 'ApiScope'), ...invalid, ...authErrors, ...notFound },
      },
    },
    '/api/v1/resources/{id}/scopes/{name}': {
      parameters: [id, { ...path('name'), description: 'Percent-encoded scope name' }],
      patch: {
        summary: 'Reword a scope', operationId: 'updateResourceScope', requestBody: body('ApiScopeUpdate'),
        responses: { 200: ok('The scope', 'ApiScope'), ...invalid, ...authErrors, ...notFound },
      },
      delete: {
        summary: 'Remove a scope; it is taken out of every app’s requested and approved scopes', operationId: 'removeResourceScope',
        responses: { 204: ok('Removed'), ...authErrors, ...notFound },
      },
    },
    '/api/v1/resources/{id}/access': {
      parameters: [id],
      get: {
        summary: 'The apps that asked for this API: pending first, then approved, then rejected', operationId: 'listResourceAccess',
        responses: { 200: ok('The requests', 'ApiAccessRequestList'), ...authErrors, ...notFound },
      },
    },
    '/api/v1/resources/{id}/access/{client_id}': {
      parameters: [id, path('client_id')],
      post: {
        summary: 'Approve some of the requested scopes, or reject (owners and developers of the API’s team)', operationId: 'decideResourceAccess',
        requestBody: body('ApiAccessDecision'),
        responses: { 200: ok('The decided request', 'ApiAccessRequest'), ...invalid, ...authErrors, ...notFound },
      },
    },
    '/api/v1/resources/{id}/servers': {
      parameters: [id],
      put: {
        summary: 'Choose the apps (confidential, of the API’s team) that serve the API and may introspect its tokens', operationId: 'setResourceServers',
        requestBody: body('ResourceServers'),
        responses: { 200: ok('The resource servers', 'ResourceServerList'), ...invalid, ...authErrors, ...notFound },
      },
    },
    '/api/v1/clients/{client_id}/api-access': {
      parameters: [path('client_id')],
      get: {
        summary: 'The APIs this app asked for, and what each approved (clients:read)', operationId: 'listClientApiAccess',
        responses: { 200: ok('The app’s API access', 'AppApiAccessList'), ...authErrors, ...notFound },
      },
      post: {
        summary: 'Ask for scopes of an API for this app (clients:write); an API of the app’s own team approves at once', operationId: 'requestClientApiAccess',
        requestBody: body('ApiAccessAsk'),
        responses: { 200: ok('The request, pending or approved', 'AppApiAccess'), ...invalid, ...authErrors, ...notFound },
      },
    },
  };
}
