/**
 * /api/v1/clients and /api/v1/clients/{client_id}: apps as RFC 7591 client metadata
 * (lib/validation/client-metadata*.ts). Each handler is parse → one use case → JSON.
 */
import {
  createTeamClient, deleteClient, ensurePersonalTeam, getClient, listClientDetails, setClientDisabled, updateClient, type ClientDetail,
} from '../portal/index.ts';
import { parseClientRegistration, parseClientUpdate } from '../validation/client-metadata.ts';
import { toClientMetadata } from '../validation/client-metadata-response.ts';
import type { ApiHandler } from './context.ts';
import { BadRequest, json, readJsonObject } from './responses.ts';
import { response } from '../oidc/http/message.ts';

export const listClientsHandler: ApiHandler = async ({ request, actor, deps }) => {
  const teamId = new URL(request.url).searchParams.get('team_id') ?? undefined;
  const clients = await listClientDetails(deps.db, actor, teamId ? { teamId } : {}, deps.clock());
  return json({ clients: clients.map((c) => toClientMetadata(c, { withSecrets: true })) });
};

export const createClientHandler: ApiHandler = async ({ request, actor, deps }) => {
  const body = await readJsonObject(request);
  const { team_id: teamId, ...metadata } = body;
  if (teamId !== undefined && typeof teamId !== 'string') throw new BadRequest('invalid_client_metadata', 'team_id: must be a string.');
  const parsed = parseClientRegistration(metadata);
  if (!parsed.ok) throw new BadRequest(parsed.error.error, parsed.error.error_description);
  const team = teamId ?? (await ensurePersonalTeam(deps.db, actor)).id;
  const { client, clientSecret } = await createTeamClient(deps.db, actor, team, parsed.value, deps.secret, { allowedHosts: deps.outboundAllowedHosts });
  return json(toClientMetadata(client, { clientSecret, withSecrets: true }), 201);
};

export const getClientHandler: ApiHandler = async ({ actor, params, deps }) =>
  json(toClientMetadata(await getClient(deps.db, actor, params.client_id!), { withSecrets: true }));

/**
 * PATCH: the metadata fields given change; `disabled` is applied after them (setClientDisabled).
 * A secret the change issued (a new authentication method needed one) is in this response only.
 */
export const updateClientHandler: ApiHandler = async ({ request, actor, params, deps }) => {
  const parsed = parseClientUpdate(await readJsonObject(request));
  if (!parsed.ok) throw new BadRequest(parsed.error.error, parsed.error.error_description);
  const { patch, disabled } = parsed.value;
  const clientId = params.client_id!;
  const updated = Object.keys(patch).length || disabled === undefined ? await updateClient(deps.db, actor, clientId, patch, deps.secret, { allowedHosts: deps.outboundAllowedHosts }) : null;
  let client: ClientDetail | null = updated;
  if (disabled !== undefined && disabled !== client?.disabled) client = await setClientDisabled(deps.db, actor, clientId, disabled);
  return json(toClientMetadata(client!, { withSecrets: true, clientSecret: updated?.clientSecret }));
};

export const deleteClientHandler: ApiHandler = async ({ actor, params, deps }) => {
  await deleteClient(deps.db, actor, params.client_id!);
  return response(204, null, { 'cache-control': 'no-store' });
};
