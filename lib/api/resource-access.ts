/**
 * Access to APIs: the API's side (/api/v1/resources/{id}/access: list the apps that asked;
 * /access/{client_id}: approve some requested scopes or reject; /servers: the apps that may
 * introspect its tokens) and the app's side (/api/v1/clients/{client_id}/api-access: what it
 * asked for, and ask).
 */
import {
  decideApiAccess, listApiAccessRequests, listAppApiAccess, requestApiAccess, setResourceServers, type ApiResourceRef,
} from '../portal/index.ts';
import type { ApiHandler } from './context.ts';
import { invalidBody, parseResourceBody, withWireNames } from './resource-errors.ts';
import {
  decideAccessBodySchema, requestAccessBodySchema, setServersBodySchema, toAccessRequestJson, toAppAccessJson,
} from './resource-json.ts';
import { json, readJsonObject } from './responses.ts';

export const listAccessHandler: ApiHandler = async ({ actor, params, deps }) => {
  const requests = await listApiAccessRequests(deps.db, actor, params.id!);
  return json({ access_requests: requests.map(toAccessRequestJson) });
};

export const decideAccessHandler: ApiHandler = withWireNames(async ({ request, actor, params, deps }) => {
  const body = parseResourceBody(decideAccessBodySchema, await readJsonObject(request));
  const decision = body.decision === 'approve' ? { decision: 'approve' as const, scopes: body.scope ?? [] } : { decision: 'reject' as const };
  return json(toAccessRequestJson(await decideApiAccess(deps.db, actor, params.id!, params.client_id!, decision, deps.clock())));
});

export const setServersHandler: ApiHandler = withWireNames(async ({ request, actor, params, deps }) => {
  const body = parseResourceBody(setServersBodySchema, await readJsonObject(request));
  const servers = await setResourceServers(deps.db, actor, params.id!, { clientIds: body.client_ids }, deps.clock());
  return json({ servers: servers.map((s) => ({ client_id: s.id, client_name: s.name })) });
});

export const listAppAccessHandler: ApiHandler = async ({ actor, params, deps }) => {
  const access = await listAppApiAccess(deps.db, actor, params.client_id!);
  return json({ api_access: access.map(toAppAccessJson) });
};

export const requestAccessHandler: ApiHandler = withWireNames(async ({ request, actor, params, deps }) => {
  const body = parseResourceBody(requestAccessBodySchema, await readJsonObject(request));
  if ((body.resource === undefined) === (body.resource_id === undefined)) {
    throw invalidBody([{ path: ['resource'], message: 'Name the API with resource (its identifier) or resource_id, not both.' }]);
  }
  const ref: ApiResourceRef = body.resource !== undefined ? { identifier: body.resource } : { id: body.resource_id! };
  return json(toAppAccessJson(await requestApiAccess(deps.db, actor, params.client_id!, ref, { scopes: body.scope }, deps.clock())));
});
