/**
 * Where a new authorization request's parameters come from (RFC 9101 §5, RFC 9126 §4):
 * - request_uri: a pushed authorization request, used up here (pushed-request.ts); the rest of
 *   the query is ignored;
 * - request: a request object, verified with the keys of the client the query's client_id names
 *   (request-object.ts); the rest of the query is ignored;
 * - otherwise the query or form body itself.
 * Errors here are never redirected: the redirect_uri is not known to be the client's yet.
 */
import type { ProviderContext } from '../context.ts';
import { invalidAuthorizationRequest } from '../errors.ts';
import type { Params } from '../http/params.ts';
import type { ClientRecord } from '../ports.ts';
import { pushedParams, type ParamsSource } from './pushed-request.ts';
import { requestObjectParams } from './request-object.ts';

export async function resolveAuthorizationParams(ctx: ProviderContext, sent: Params): Promise<{ params: Params; source: ParamsSource }> {
  if (sent.has('request_uri')) return { params: await pushedParams(ctx, sent), source: 'pushed' };
  if (sent.has('request')) return { params: await requestObjectParams(ctx, await namedClient(ctx, sent), sent), source: 'request_object' };
  return { params: sent, source: 'query' };
}

/** The client whose keys verify the request object: the one client_id names beside it (RFC 9101 §5). */
async function namedClient(ctx: ProviderContext, sent: Params): Promise<ClientRecord> {
  const clientId = sent.get('client_id');
  if (!clientId) throw invalidAuthorizationRequest('The "client_id" parameter is required beside a request object (RFC 9101 §5).');
  const client = await ctx.stores.clients.find(clientId);
  if (!client) throw invalidAuthorizationRequest('The application (client_id) is not registered with this server.');
  if (client.disabled) throw invalidAuthorizationRequest('This application has been disabled by its developer or the operator.');
  return client;
}
