/** JWKS (RFC 7517 §5): active keys plus retired keys still verifying unexpired tokens. */
import type { ProviderContext } from '../context.ts';
import { PUBLIC_CORS, publicPreflight } from '../http/cors.ts';

export function jwksEndpoint(ctx: ProviderContext) {
  return async function jwks(request: Request): Promise<Response> {
    if (request.method === 'OPTIONS') return publicPreflight();
    return new Response(JSON.stringify(await ctx.keys.publicJwks()), {
      headers: { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=300', ...PUBLIC_CORS },
    });
  };
}
