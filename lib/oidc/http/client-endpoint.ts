/**
 * The shape shared by the endpoints a client calls with its credentials (token, introspection,
 * revocation): POST only (RFC 6749 §3.2, RFC 7662 §2.1, RFC 7009 §2.1), a form body, client
 * authentication, CORS for the client's registered origins, and errors as RFC 6749 §5.2 JSON.
 */
import { authenticateClient } from '../client-auth.ts';
import type { ProviderContext } from '../context.ts';
import { methodNotAllowed } from '../errors.ts';
import type { ClientRecord } from '../ports.ts';
import { clientAllowsOrigin, corsHeaders, preflight } from './cors.ts';
import { formParams, type Params } from './params.ts';
import { errorJson } from './responses.ts';
import type { HttpRequest, HttpResponse } from './message.ts';

export type ClientCall<P = undefined> = { request: HttpRequest; params: Params; client: ClientRecord; prefetched: P };

/**
 * `prefetch`, when given, starts before the client is authenticated and is awaited first: a token
 * lookup there also reads the clients counter, so authentication needs no query of its own
 * (lib/db/cache-version.ts). Nothing it found is used, or said, unless authentication succeeds.
 */
export function clientEndpoint<P = undefined>(
  ctx: ProviderContext,
  name: string,
  handle: (call: ClientCall<P>) => Promise<HttpResponse>,
  prefetch?: (request: HttpRequest, params: Params) => Promise<P>,
) {
  return async (request: HttpRequest): Promise<HttpResponse> => {
    if (request.method === 'OPTIONS') return preflight(request, ctx.stores.clients, 'POST, OPTIONS');
    const origin = request.headers.get('origin');
    let cors: Record<string, string> = {};
    try {
      if (request.method !== 'POST') throw methodNotAllowed(`The ${name} endpoint accepts only POST.`, 'POST, OPTIONS');
      const params = await formParams(request);
      const prefetching = prefetch?.(request, params);
      await prefetching?.catch(() => {}); // its own failure is reported below, after authentication
      const client = await authenticateClient(ctx, request, params);
      if (origin) cors = corsHeaders(origin, clientAllowsOrigin(client, origin));
      const response = await handle({ request, params, client, prefetched: (await prefetching) as P });
      Object.assign(response.headers, cors);
      return response;
    } catch (err) {
      return errorJson(err, cors);
    }
  };
}
