/** JWKS (RFC 7517 §5): active keys plus retired keys still verifying unexpired tokens. */
import type { ProviderContext } from '../context.ts';
import { response, type HttpRequest, type HttpResponse } from '../http/message.ts';
import { PUBLIC_CORS, publicReadOnly } from '../http/cors.ts';

export function jwksEndpoint(ctx: ProviderContext) {
  return async function jwks(request: HttpRequest): Promise<HttpResponse> {
    const early = publicReadOnly(request);
    if (early) return early;
    return response(200, JSON.stringify(await ctx.keys.publicJwks()), {
      'content-type': 'application/jwk-set+json',
      'cache-control': 'public, max-age=300',
      ...PUBLIC_CORS,
    });
  };
}
