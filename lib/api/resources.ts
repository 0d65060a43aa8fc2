/**
 * /api/v1/resources and /api/v1/resources/{id}: the APIs (RFC 8707 resources) of your teams.
 * Each handler is parse → one lib/portal use case → JSON (resource-json.ts).
 */
import { createApiResource, deleteApiResource, ensurePersonalTeam, getApiResource, listApiResources, updateApiResource } from '../portal/index.ts';
import { response } from '../oidc/http/message.ts';
import type { ApiHandler } from './context.ts';
import { parseResourceBody, withWireNames } from './resource-errors.ts';
import { createResourceBodySchema, toResourceJson, updateResourceBodySchema } from './resource-json.ts';
import { json, readJsonObject } from './responses.ts';

export const listResourcesHandler: ApiHandler = async ({ request, actor, deps }) => {
  const teamId = new URL(request.url).searchParams.get('team_id') ?? undefined;
  const resources = await listApiResources(deps.db, actor, teamId ? { teamId } : {});
  return json({ resources: resources.map(toResourceJson) });
};

export const createResourceHandler: ApiHandler = withWireNames(async ({ request, actor, deps }) => {
  const body = parseResourceBody(createResourceBodySchema, await readJsonObject(request));
  const teamId = body.team_id ?? (await ensurePersonalTeam(deps.db, actor)).id;
  const created = await createApiResource(deps.db, actor, teamId, {
    identifier: body.identifier, name: body.name, description: body.description, tokenFormat: body.token_format, accessTokenTtl: body.access_token_ttl, openAccess: body.open_access,
  }, deps.clock());
  return json(toResourceJson(created), 201);
});

export const getResourceHandler: ApiHandler = async ({ actor, params, deps }) => json(toResourceJson(await getApiResource(deps.db, actor, params.id!)));

export const updateResourceHandler: ApiHandler = withWireNames(async ({ request, actor, params, deps }) => {
  const body = parseResourceBody(updateResourceBodySchema, await readJsonObject(request));
  const updated = await updateApiResource(deps.db, actor, params.id!, {
    name: body.name, description: body.description, tokenFormat: body.token_format, accessTokenTtl: body.access_token_ttl, openAccess: body.open_access,
  }, deps.clock());
  return json(toResourceJson(updated));
});

export const deleteResourceHandler: ApiHandler = async ({ actor, params, deps }) => {
  await deleteApiResource(deps.db, actor, params.id!, deps.clock());
  return response(204, null, { 'cache-control': 'no-store' });
};
