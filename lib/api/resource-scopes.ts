/**
 * /api/v1/resources/{id}/scopes (POST: add) and /scopes/{name} (PATCH: reword, DELETE: remove,
 * which also takes the scope out of every app's requested and approved scopes). A scope name
 * with a "/" is sent percent-encoded (%2F) in the path.
 */
import { addApiScope, removeApiScope, updateApiScope } from '../portal/index.ts';
import { response } from '../oidc/http/message.ts';
import type { ApiHandler } from './context.ts';
import { parseResourceBody, withWireNames } from './resource-errors.ts';
import { addScopeBodySchema, toScopeJson, updateScopeBodySchema } from './resource-json.ts';
import { json, readJsonObject } from './responses.ts';

export const addScopeHandler: ApiHandler = withWireNames(async ({ request, actor, params, deps }) => {
  const body = parseResourceBody(addScopeBodySchema, await readJsonObject(request));
  return json(toScopeJson(await addApiScope(deps.db, actor, params.id!, body, deps.clock())), 201);
});

export const updateScopeHandler: ApiHandler = withWireNames(async ({ request, actor, params, deps }) => {
  const body = parseResourceBody(updateScopeBodySchema, await readJsonObject(request));
  return json(toScopeJson(await updateApiScope(deps.db, actor, params.id!, params.name!, body, deps.clock())));
});

export const removeScopeHandler: ApiHandler = async ({ actor, params, deps }) => {
  await removeApiScope(deps.db, actor, params.id!, params.name!, deps.clock());
  return response(204, null, { 'cache-control': 'no-store' });
};
