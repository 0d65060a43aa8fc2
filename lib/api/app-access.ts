/**
 * /api/v1/clients/{client_id}/access/**: controlled access to any app — its policy (everyone or
 * only assigned users and groups) and its assignments (admin:read for GET, admin:write otherwise;
 * operators only, whatever the app's team). Parse → one lib/admin use case → JSON.
 */
import { assignAppAccess, getAppAccess, setAppAccessPolicy, unassignAppAccess } from '../admin/index.ts';
import { accessPolicyBodySchema, accountBodySchema, accountRef, groupRefBodySchema, toAppAccessJson } from './admin-json.ts';
import type { ApiHandler } from './context.ts';
import { parseResourceBody, withWireNames } from './resource-errors.ts';
import { json, readJsonObject } from './responses.ts';

export const getAccessHandler: ApiHandler = async ({ actor, params, deps }) => json(toAppAccessJson(await getAppAccess(deps.db, actor, params.client_id!)));

export const setAccessPolicyHandler: ApiHandler = withWireNames(async ({ request, actor, params, deps }) => {
  const body = parseResourceBody(accessPolicyBodySchema, await readJsonObject(request));
  return json(toAppAccessJson(await setAppAccessPolicy(deps.db, actor, params.client_id!, body.policy, deps.clock())));
});

export const assignUserHandler: ApiHandler = withWireNames(async ({ request, actor, params, deps }) => {
  const body = parseResourceBody(accountBodySchema, await readJsonObject(request));
  return json(toAppAccessJson(await assignAppAccess(deps.db, actor, params.client_id!, accountRef(body), deps.clock())));
});

export const unassignUserHandler: ApiHandler = async ({ actor, params, deps }) =>
  json(toAppAccessJson(await unassignAppAccess(deps.db, actor, params.client_id!, { userId: params.user_id! }, deps.clock())));

export const assignGroupHandler: ApiHandler = withWireNames(async ({ request, actor, params, deps }) => {
  const body = parseResourceBody(groupRefBodySchema, await readJsonObject(request));
  return json(toAppAccessJson(await assignAppAccess(deps.db, actor, params.client_id!, { groupId: body.group_id }, deps.clock())));
});

export const unassignGroupHandler: ApiHandler = async ({ actor, params, deps }) =>
  json(toAppAccessJson(await unassignAppAccess(deps.db, actor, params.client_id!, { groupId: params.group_id! }, deps.clock())));
