/**
 * GET /api/v1/openapi.json: the OpenAPI 3.1 description of the REST API, generated from the same
 * zod schemas the handlers parse with (z.toJSONSchema, JSON Schema 2020-12 as OpenAPI 3.1 uses).
 */
import { z } from 'zod';
import { clientRegistrationSchema, clientUpdateSchema } from '../validation/client-metadata.ts';
import { clientMetadataResponseSchema } from '../validation/client-metadata-response.ts';
import { clientListResponseSchema, errorResponseSchema, rotatedSecretResponseSchema, rotateSecretBodySchema } from './schemas.ts';
import { registerResourceSchemas, resourcePaths } from './resource-openapi.ts';
import { adminPaths, registerAdminSchemas } from './admin-openapi.ts';

const registrationWithTeam = clientRegistrationSchema.extend({ team_id: z.string().optional().describe('Default: your personal team') });

/** Every schema once, under components/schemas, referring to each other by $ref. */
function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  registry.add(registrationWithTeam, { id: 'ClientRegistration' });
  registry.add(clientUpdateSchema, { id: 'ClientUpdate' });
  registry.add(clientMetadataResponseSchema, { id: 'Client' });
  registry.add(clientListResponseSchema, { id: 'ClientList' });
  registry.add(rotateSecretBodySchema, { id: 'SecretRotation' });
  registry.add(rotatedSecretResponseSchema, { id: 'RotatedSecret' });
  registry.add(errorResponseSchema, { id: 'Error' });
  registerResourceSchemas(registry);
  registerAdminSchemas(registry);
  const { schemas } = z.toJSONSchema(registry, { io: 'input', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, rest]));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const ok = (description: string, name?: string) => ({ description, ...(name ? { content: { 'application/json': { schema: ref(name) } } } : {}) });
const error = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });

const AUTH_ERRORS = {
  401: error('Missing, malformed, unknown, expired or revoked personal access token (WWW-Authenticate: Bearer)'),
  403: error('insufficient_scope: the token lacks the scope; forbidden: your team role does not allow this'),
};
const NOT_FOUND = { 404: error('not_found: no such app, or not one of your teams’ apps') };
const clientId = { name: 'client_id', in: 'path', required: true, schema: { type: 'string' } };

export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Portico developer API',
      version: '1',
      description:
        'Manage OAuth 2.0 / OpenID Connect apps as RFC 7591 client metadata, and your APIs (RFC 8707 resources) with their scopes and access requests. Authenticate with a personal access token (scopes clients:read for GET, clients:write otherwise; resources:read and resources:write under /api/v1/resources; operators: admin:read and admin:write for /api/v1/groups and /api/v1/clients/{client_id}/access).',
    },
    servers: [{ url: serverUrl }],
    security: [{ personalAccessToken: [] }],
    paths: {
      '/api/v1/clients': {
        get: {
          summary: 'List the apps of your teams', operationId: 'listClients',
          parameters: [{ name: 'team_id', in: 'query', required: false, schema: { type: 'string' } }],
          responses: { 200: ok('The apps', 'ClientList'), ...AUTH_ERRORS },
        },
        post: {
          summary: 'Create an app (team_id defaults to your personal team); client_secret is in this response only', operationId: 'createClient',
          requestBody: body('ClientRegistration'),
          responses: { 201: ok('Created', 'Client'), 400: error('invalid_redirect_uri, invalid_client_metadata (RFC 7591 §3.2.2) or invalid_request'), ...AUTH_ERRORS, ...NOT_FOUND },
        },
      },
      '/api/v1/clients/{client_id}': {
        parameters: [clientId],
        get: { summary: 'Read an app with its secrets’ metadata', operationId: 'getClient', responses: { 200: ok('The app', 'Client'), ...AUTH_ERRORS, ...NOT_FOUND } },
        patch: {
          summary: 'Change some of an app’s metadata (the type cannot change); when a new token_endpoint_auth_method needs a new secret (client_secret_jwt, or leaving private_key_jwt), client_secret is in this response only',
          operationId: 'updateClient', requestBody: body('ClientUpdate'),
          responses: { 200: ok('The updated app', 'Client'), 400: error('invalid_redirect_uri or invalid_client_metadata'), ...AUTH_ERRORS, ...NOT_FOUND },
        },
        delete: {
          summary: 'Delete an app and revoke every token issued to it (team owners)', operationId: 'deleteClient',
          responses: { 204: ok('Deleted'), ...AUTH_ERRORS, ...NOT_FOUND },
        },
      },
      '/api/v1/clients/{client_id}/secrets': {
        parameters: [clientId],
        post: {
          summary: 'Rotate the client secret; the new one is in this response only', operationId: 'rotateClientSecret', requestBody: body('SecretRotation'),
          responses: { 201: ok('The new secret', 'RotatedSecret'), 400: error('invalid_request'), ...AUTH_ERRORS, ...NOT_FOUND },
        },
      },
      '/api/v1/clients/{client_id}/secrets/{secret_id}': {
        parameters: [clientId, { name: 'secret_id', in: 'path', required: true, schema: { type: 'string' } }],
        delete: { summary: 'Revoke one secret now', operationId: 'revokeClientSecret', responses: { 204: ok('Revoked'), ...AUTH_ERRORS, ...NOT_FOUND } },
      },
      ...resourcePaths({ body, ok, error, authErrors: AUTH_ERRORS }),
      ...adminPaths({ body, ok, error }),
    },
    components: {
      securitySchemes: { personalAccessToken: { type: 'http', scheme: 'bearer', description: 'A personal access token, pat_…' } },
      schemas: componentSchemas(),
    },
  };
}
