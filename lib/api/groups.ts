/**
 * /api/v1/groups/**: operator-managed groups of users for controlled access (admin:read for GET,
 * admin:write otherwise; operators only). Each handler is parse → one lib/admin use case → JSON.
 */
import { addGroupMember, createGroup, deleteGroup, getGroup, listGroups, removeGroupMember, updateGroup } from '../admin/index.ts';
import { response } from '../oidc/http/message.ts';
import { accountBodySchema, accountRef, createGroupBodySchema, toGroupJson, updateGroupBodySchema } from './admin-json.ts';
import type { ApiHandler } from './context.ts';
import { parseResourceBody, withWireNames } from './resource-errors.ts';
import { json, readJsonObject } from './responses.ts';

const noContent = () => response(204, null, { 'cache-control': 'no-store' });

export const listGroupsHandler: ApiHandler = async ({ request, actor, deps }) => {
  const query = new URL(request.url).searchParams.get('q');
  return json({ groups: (await listGroups(deps.db, actor, { query })).map(toGroupJson) });
};

export const createGroupHandler: ApiHandler = withWireNames(async ({ request, actor, deps }) => {
  const body = parseResourceBody(createGroupBodySchema, await readJsonObject(request));
  return json(toGroupJson(await createGroup(deps.db, actor, body, deps.clock())), 201);
});

export const getGroupHandler: ApiHandler = async ({ actor, params, deps }) => json(toGroupJson(await getGroup(deps.db, actor, params.group_id!)));

export const updateGroupHandler: ApiHandler = withWireNames(async ({ request, actor, params, deps }) => {
  const body = parseResourceBody(updateGroupBodySchema, await readJsonObject(request));
  return json(toGroupJson(await updateGroup(deps.db, actor, params.group_id!, body, deps.clock())));
});

export const deleteGroupHandler: ApiHandler = async ({ actor, params, deps }) => {
  await deleteGroup(deps.db, actor, params.group_id!, deps.clock());
  return noContent();
};

export const addMemberHandler: ApiHandler = withWireNames(async ({ request, actor, params, deps }) => {
  const body = parseResourceBody(accountBodySchema, await readJsonObject(request));
  return json(toGroupJson(await addGroupMember(deps.db, actor, params.group_id!, accountRef(body), deps.clock())));
});

export const removeMemberHandler: ApiHandler = async ({ actor, params, deps }) =>
  json(toGroupJson(await removeGroupMember(deps.db, actor, params.group_id!, params.user_id!, deps.clock())));
