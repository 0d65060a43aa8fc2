/**
 * Pushed authorization requests (RFC 9126), from the push to their one use.
 * - A pushed request is referenced by `urn:ietf:params:oauth:request_uri:` and 256 random bits
 *   (§2.2, RFC 9101 §10.2: unguessable), stored only as the SHA-256 of that whole URI, and lives
 *   PUSHED_REQUEST_LIFETIME_S seconds (§2.2: short-lived; the browser goes straight to the
 *   authorization endpoint).
 * - At the authorization endpoint (§4) it is used once — atomically, on whichever instance — and
 *   only by the client that pushed it (client_id in the query must name it). Its parameters are
 *   the request's only parameters: everything else in the query is ignored. Unknown, expired,
 *   used or another client's: invalid_request_uri (RFC 9101 §7). Any other request_uri (a URL to
 *   fetch a request object from) is request_uri_not_supported: Portico fetches none.
 * - A client registered with require_pushed_authorization_requests (§6) may start the flow only
 *   with a pushed request; anything else is invalid_request (§4).
 */
import type { ProviderContext } from '../context.ts';
import { invalidAuthorizationRequest, invalidRequest, invalidRequestUri, requestUriNotSupported } from '../errors.ts';
import type { Params } from '../http/params.ts';
import type { ClientRecord, PushedRequestRefusal } from '../ports.ts';
import { randomId, sha256 } from '../tokens.ts';

export const REQUEST_URI_PREFIX = 'urn:ietf:params:oauth:request_uri:';
/** RFC 9126 §2.2 expires_in: a minute between the push and the browser's arrival. */
export const PUSHED_REQUEST_LIFETIME_S = 60;

/** Where an authorization request's parameters came from (authorization-params.ts). */
export type ParamsSource = 'query' | 'request_object' | 'pushed' | 'resumed';

/** Stores the validated parameters and returns the RFC 9126 §2.2 response body. */
export async function pushRequest(ctx: ProviderContext, clientId: string, params: Params): Promise<{ request_uri: string; expires_in: number }> {
  const requestUri = REQUEST_URI_PREFIX + randomId(32);
  const expiresAt = new Date(ctx.clock().getTime() + PUSHED_REQUEST_LIFETIME_S * 1000);
  await ctx.stores.pushedRequests.save({ hash: sha256(requestUri), clientId, params: Object.fromEntries(params), expiresAt });
  return { request_uri: requestUri, expires_in: PUSHED_REQUEST_LIFETIME_S };
}

const REFUSALS: Record<PushedRequestRefusal, string> = {
  unknown: 'This request_uri is not known here. Push the authorization request again and use the request_uri returned.',
  other_client: 'This request_uri was not pushed by this client (client_id).',
  used: 'This request_uri was already used: each pushed authorization request serves one authorization request. Start again from the application.',
  expired: `This request_uri has expired (pushed requests live ${PUSHED_REQUEST_LIFETIME_S} seconds). Start again from the application.`,
};

/** RFC 9126 §4: the pushed parameters for `query` (which holds request_uri), used up by this call. */
export async function pushedParams(ctx: ProviderContext, query: Params): Promise<Params> {
  const requestUri = query.get('request_uri')!;
  if (!requestUri.startsWith(REQUEST_URI_PREFIX)) {
    throw requestUriNotSupported(`Only request_uri values from this server's pushed authorization request endpoint (${REQUEST_URI_PREFIX}…) are accepted.`);
  }
  if (query.has('request')) throw invalidRequest('Send either request or request_uri, not both (RFC 9101 §5).');
  const clientId = query.get('client_id');
  if (!clientId) throw invalidAuthorizationRequest('The "client_id" parameter is required with request_uri (RFC 9126 §4).');
  const used = await ctx.stores.pushedRequests.consume(sha256(requestUri), clientId, ctx.clock());
  if ('refused' in used) throw invalidRequestUri(REFUSALS[used.refused]);
  return new Map(Object.entries(used.params));
}

/** RFC 9126 §6 require_pushed_authorization_requests, checked once the client is known. */
export function requirePushedRequest(client: ClientRecord, source: ParamsSource): void {
  if (!client.requirePushedAuthorizationRequests || source === 'pushed' || source === 'resumed') return;
  throw invalidRequest('This client must use pushed authorization requests (PAR, RFC 9126): push the request to the pushed_authorization_request_endpoint and send only client_id and request_uri here.');
}
