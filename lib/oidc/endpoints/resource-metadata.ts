/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728) for each registered API, at
 * `/oauth/resource-metadata?resource=<identifier>`. RFC 9728 §3 places the document on the API's
 * own host (`/.well-known/oauth-protected-resource[/path]`); an API serves this one there (the
 * resource-server kit does, docs/resource-servers.md), so what it advertises — the issuer, the
 * scopes — stays what Portico enforces. Unknown resources get 404 with RFC 6749-style JSON.
 */
import type { ProviderContext } from '../context.ts';
import { invalidTarget, OAuthError } from '../errors.ts';
import { PUBLIC_CORS, publicReadOnly } from '../http/cors.ts';
import { response, type HttpRequest, type HttpResponse } from '../http/message.ts';
import { queryParams } from '../http/params.ts';
import { errorJson } from '../http/responses.ts';
import { parseResourceIndicators } from '../resources.ts';

export function resourceMetadataEndpoint(ctx: ProviderContext) {
  return async function resourceMetadata(request: HttpRequest): Promise<HttpResponse> {
    const early = publicReadOnly(request);
    if (early) return early;
    try {
      const [identifier, ...more] = parseResourceIndicators(queryParams(request).get('resource'));
      if (!identifier || more.length) throw invalidTarget('Name exactly one API: ?resource=<its identifier>.');
      const resource = await ctx.stores.resources.findByIdentifier(identifier);
      if (!resource) throw new OAuthError('invalid_target', `No API is registered with the identifier "${identifier}".`, 404);
      // RFC 9728 §2.
      const metadata = {
        resource: resource.identifier,
        authorization_servers: [ctx.settings.issuer],
        scopes_supported: resource.scopes.map((s) => s.name),
        bearer_methods_supported: ['header'],
        resource_name: resource.name,
      };
      return response(200, JSON.stringify(metadata), { 'content-type': 'application/json', 'cache-control': 'public, max-age=60', ...PUBLIC_CORS });
    } catch (err) {
      return errorJson(err, PUBLIC_CORS);
    }
  };
}
