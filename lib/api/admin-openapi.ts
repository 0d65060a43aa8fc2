/**
 * The OpenAPI description of the operators' endpoints: /api/v1/groups/** and
 * /api/v1/clients/{client_id}/access/**, from the schemas the handlers parse with (admin-json.ts).
 * openapi.ts merges these in.
 */
import type { z } from 'zod';
import {
  accessPolicyBodySchema, accountBodySchema, appAccessSchema, createGroupBodySchema, groupListSchema, groupRefBodySchema, groupSchema, updateGroupBodySchema,
} from './admin-json.ts';

export function registerAdminSchemas(registry: z.core.$ZodRegistry<{ id: string }>): void {
  const entries: [z.ZodType, string][] = [
    [createGroupBodySchema, 'GroupCreation'], [updateGroupBodySchema, 'GroupUpdate'], [groupSchema, 'Group'], [groupListSchema, 'GroupList'],
    [accountBodySchema, 'AccountRef'], [groupRefBodySchema, 'GroupRef'], [accessPolicyBodySchema, 'AccessPolicy'], [appAccessSchema, 'AppAccess'],
  ];
  for (const [schema, id] of entries) registry.add(schema, { id });
}

type Helpers = {
  body: (name: string) => unknown;
  ok: (description: string, name?: string) => unknown;
  error: (description: string) => unknown;
};

const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

export function adminPaths({ body, ok, error }: Helpers) {
  const auth = {
    401: error('Missing, malformed, unknown, expired or revoked personal access token (WWW-Authenticate: Bearer)'),
    403: error('insufficient_scope: the token lacks admin:read (GET) or admin:write; forbidden: the token’s user is not an operator'),
  };
  const invalid = { 400: error('invalid_request, naming each field') };
  const groupNotFound = { 404: error('not_found: no such group (or member)') };
  const appNotFound = { 404: error('not_found: no such app (or user, group or assignment)') };
  const groupId = path('group_id');
  const clientId = path('client_id');
  return {
    '/api/v1/groups': {
      get: {
        summary: 'List the groups, by name (admin:read; operators)', operationId: 'listGroups',
        parameters: [{ name: 'q', in: 'query', required: false, schema: { type: 'string' }, description: 'Search names and descriptions' }],
        responses: { 200: ok('The groups', 'GroupList'), ...auth },
      },
      post: { summary: 'Create a group (unique name)', operationId: 'createGroup', requestBody: body('GroupCreation'), responses: { 201: ok('Created', 'Group'), ...invalid, ...auth } },
    },
    '/api/v1/groups/{group_id}': {
      parameters: [groupId],
      get: { summary: 'Read a group with its members and apps', operationId: 'getGroup', responses: { 200: ok('The group', 'Group'), ...auth, ...groupNotFound } },
      patch: { summary: 'Rename a group or change its description', operationId: 'updateGroup', requestBody: body('GroupUpdate'), responses: { 200: ok('The group', 'Group'), ...invalid, ...auth, ...groupNotFound } },
      delete: {
        summary: 'Delete a group; its members lose the apps they could use only through it', operationId: 'deleteGroup',
        responses: { 204: ok('Deleted'), ...auth, ...groupNotFound },
      },
    },
    '/api/v1/groups/{group_id}/members': {
      parameters: [groupId],
      post: {
        summary: 'Add an account (by user_id or email) to the group; adding a member twice changes nothing', operationId: 'addGroupMember',
        requestBody: body('AccountRef'), responses: { 200: ok('The group', 'Group'), ...invalid, ...auth, ...groupNotFound },
      },
    },
    '/api/v1/groups/{group_id}/members/{user_id}': {
      parameters: [groupId, path('user_id')],
      delete: { summary: 'Take an account out of the group', operationId: 'removeGroupMember', responses: { 200: ok('The group', 'Group'), ...auth, ...groupNotFound } },
    },
    '/api/v1/clients/{client_id}/access': {
      parameters: [clientId],
      get: { summary: 'Who may sign in to an app: its policy and assignments (admin:read; operators, any team’s app)', operationId: 'getClientAccess', responses: { 200: ok('The app’s access', 'AppAccess'), ...auth, ...appNotFound } },
      put: {
        summary: 'Let everyone sign in to the app, or only assigned users and groups (others get access_denied, and no new tokens on refresh)', operationId: 'setClientAccessPolicy',
        requestBody: body('AccessPolicy'), responses: { 200: ok('The app’s access', 'AppAccess'), ...invalid, ...auth, ...appNotFound },
      },
    },
    '/api/v1/clients/{client_id}/access/users': {
      parameters: [clientId],
      post: { summary: 'Assign an account (by user_id or email) to the app', operationId: 'assignClientUser', requestBody: body('AccountRef'), responses: { 200: ok('The app’s access', 'AppAccess'), ...invalid, ...auth, ...appNotFound } },
    },
    '/api/v1/clients/{client_id}/access/users/{user_id}': {
      parameters: [clientId, path('user_id')],
      delete: { summary: 'Remove an account’s assignment', operationId: 'unassignClientUser', responses: { 200: ok('The app’s access', 'AppAccess'), ...auth, ...appNotFound } },
    },
    '/api/v1/clients/{client_id}/access/groups': {
      parameters: [clientId],
      post: { summary: 'Assign a group to the app: its members may sign in', operationId: 'assignClientGroup', requestBody: body('GroupRef'), responses: { 200: ok('The app’s access', 'AppAccess'), ...invalid, ...auth, ...appNotFound } },
    },
    '/api/v1/clients/{client_id}/access/groups/{group_id}': {
      parameters: [clientId, groupId],
      delete: { summary: 'Remove a group’s assignment', operationId: 'unassignClientGroup', responses: { 200: ok('The app’s access', 'AppAccess'), ...auth, ...appNotFound } },
    },
  };
}
