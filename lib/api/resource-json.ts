/**
 * API resources on the wire (/api/v1/resources, /api/v1/clients/{client_id}/api-access): request
 * bodies and responses in snake_case, as zod schemas (the OpenAPI document is generated from them)
 * and the mappers from the portal's shapes. Body fields reuse the shared field rules of
 * lib/validation/api-resource.ts; scopes travel as one space-separated string, as in OAuth.
 */
import { z } from 'zod';
import type { ApiAccessRequest, ApiAccessState, ApiResourceDetail, ApiResourceSummary, ApiScopeSummary, AppApiAccess } from '../portal/api-resource-types.ts';
import {
  API_TOKEN_FORMATS, apiDescriptionField, apiIdentifierField, apiNameField, apiScopeDescriptionField, apiScopeListField, apiScopeNameField, apiTokenFormatField,
  openAccessField, setResourceServersSchema, updateApiResourceSchema,
} from '../validation/api-resource.ts';
import { accessTokenTtlField } from '../validation/client-fields.ts';
import { epochSeconds } from '../validation/client-metadata-response.ts';

const seconds = z.number().int().describe('Seconds since the Unix epoch');
const scopeString = z.string().describe('Space-separated scope names');

export const createResourceBodySchema = z.object({
  team_id: z.string().optional().describe('Default: your personal team'),
  identifier: apiIdentifierField.describe('RFC 8707 resource URI, the audience of its tokens: https (http only on localhost), no fragment; cannot change later'),
  name: apiNameField,
  description: apiDescriptionField.optional(),
  token_format: apiTokenFormatField.optional().describe('Default jwt (RFC 9068)'),
  access_token_ttl: accessTokenTtlField.optional().describe('Seconds, 60–86400; default 3600'),
  open_access: openAccessField.optional().describe('Any app (MCP clients included) may ask for the scopes, users consent; default false'),
});

export const updateResourceBodySchema = z.object({
  identifier: updateApiResourceSchema.shape.identifier.describe('Cannot change: sending it is an error'),
  name: apiNameField.optional(),
  description: apiDescriptionField.optional(),
  token_format: apiTokenFormatField.optional(),
  access_token_ttl: accessTokenTtlField.optional(),
  open_access: openAccessField.optional(),
});

export const addScopeBodySchema = z.object({
  name: apiScopeNameField.describe('RFC 6749 §3.3 scope token, unique across all APIs, not a standard OpenID Connect scope'),
  description: apiScopeDescriptionField,
});
export const updateScopeBodySchema = z.object({ description: apiScopeDescriptionField });

export const decideAccessBodySchema = z.object({
  decision: z.enum(['approve', 'reject'], { error: 'decision must be approve or reject.' }),
  scope: apiScopeListField.optional().describe('approve: the requested scopes to approve (space-separated, or a list)'),
});

export const setServersBodySchema = z.object({ client_ids: setResourceServersSchema.shape.clientIds.describe('Confidential apps of the API’s team; replaces the list') });

export const requestAccessBodySchema = z.object({
  resource: z.string().optional().describe('The API’s identifier (RFC 8707 resource URI); or give resource_id'),
  resource_id: z.string().optional(),
  scope: apiScopeListField.describe('The scopes to ask for (space-separated, or a list); replaces the app’s previous request for this API'),
});

export const scopeSchema = z.object({ name: z.string(), description: z.string(), created_at: seconds });

export const resourceSchema = z.object({
  id: z.string(),
  identifier: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  token_format: z.enum(API_TOKEN_FORMATS),
  access_token_ttl: z.number().int(),
  open_access: z.boolean(),
  team_id: z.string(),
  team_name: z.string(),
  role: z.enum(['owner', 'developer', 'viewer']).describe('Your role in the owning team'),
  scope_count: z.number().int(),
  created_at: seconds,
  updated_at: seconds,
  scopes: z.array(scopeSchema).optional().describe('On single-API reads and writes'),
  servers: z.array(z.object({ client_id: z.string(), client_name: z.string() })).optional().describe('Apps that may introspect its tokens; on single-API reads and writes'),
});
export const resourceListSchema = z.object({ resources: z.array(resourceSchema) });

const accessStateShape = {
  status: z.enum(['pending', 'approved', 'rejected']),
  requested_scope: scopeString,
  approved_scope: scopeString.describe('Always within requested_scope; kept while a wider request is pending'),
  requested_at: seconds,
  decided_at: seconds.nullable(),
};
export const accessRequestSchema = z.object({ client_id: z.string(), client_name: z.string(), team_id: z.string().nullable(), team_name: z.string().nullable(), ...accessStateShape });
export const accessRequestListSchema = z.object({ access_requests: z.array(accessRequestSchema) });
export const appAccessSchema = z.object({
  resource_id: z.string(),
  resource: z.string().describe('The API’s identifier'),
  resource_name: z.string(),
  owner_name: z.string().nullable().describe('The owning team; null: the operator'),
  ...accessStateShape,
});
export const appAccessListSchema = z.object({ api_access: z.array(appAccessSchema) });
export const serverListSchema = z.object({ servers: z.array(z.object({ client_id: z.string(), client_name: z.string() })) });

export const toScopeJson = (s: ApiScopeSummary) => ({ name: s.name, description: s.description, created_at: epochSeconds(s.createdAt) });

export function toResourceJson(r: ApiResourceSummary | ApiResourceDetail) {
  return {
    id: r.id,
    identifier: r.identifier,
    name: r.name,
    description: r.description,
    token_format: r.tokenFormat,
    access_token_ttl: r.accessTokenTtl,
    open_access: r.openAccess,
    team_id: r.team.id,
    team_name: r.team.name,
    role: r.role,
    scope_count: r.scopeCount,
    created_at: epochSeconds(r.createdAt),
    updated_at: epochSeconds(r.updatedAt),
    ...('scopes' in r ? { scopes: r.scopes.map(toScopeJson), servers: r.servers.map((s) => ({ client_id: s.id, client_name: s.name })) } : {}),
  };
}

const toStateJson = (a: ApiAccessState) => ({
  status: a.status,
  requested_scope: a.requestedScopes.join(' '),
  approved_scope: a.approvedScopes.join(' '),
  requested_at: epochSeconds(a.requestedAt),
  decided_at: a.decidedAt ? epochSeconds(a.decidedAt) : null,
});

export const toAccessRequestJson = (a: ApiAccessRequest) => ({
  client_id: a.client.id, client_name: a.client.name, team_id: a.team?.id ?? null, team_name: a.team?.name ?? null, ...toStateJson(a),
});

export const toAppAccessJson = (a: AppApiAccess) => ({
  resource_id: a.resource.id, resource: a.resource.identifier, resource_name: a.resource.name, owner_name: a.resource.ownerName, ...toStateJson(a),
});
