/**
 * The REST API (lib/api) bound to this process's runtime. app/api/v1/** route files re-export
 * `api`; it routes by path itself, so every route file exports it for every method.
 */
import { createApi } from '../api/router.ts';
import { toFetchResponse, type HttpRequest, type HttpResponse } from '../oidc/http/message.ts';
import { getRuntime } from './runtime.ts';

let bound: { runtime: unknown; api: (request: HttpRequest) => Promise<HttpResponse> } | null = null;

export async function api(request: Request): Promise<Response> {
  const runtime = await getRuntime();
  if (bound?.runtime !== runtime) bound = { runtime, api: createApi({ db: runtime.db, clock: () => new Date(), issuer: runtime.config.issuer, secret: runtime.config.secret, outboundAllowedHosts: runtime.config.outboundAllowedHosts }) };
  return toFetchResponse(await bound.api(request));
}
