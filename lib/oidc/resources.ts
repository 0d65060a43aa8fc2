/**
 * Which APIs a token is for: RFC 8707 resource indicators.
 * - `resource` is an absolute URI without a fragment and may be repeated (§2). A malformed or
 *   unknown one, or an API this app has no access to, is invalid_target (§2).
 * - Without `resource`, the audience is the operator's default API when one is configured and the
 *   app has access to it (§2: "a predefined default resource value"); otherwise none: the token
 *   is good for userinfo only, never for "any API".
 * - An API's scopes may be asked for only with that API in the audience, and only when the API's
 *   owner approved them for the app (or opened the API to any app, with the user's consent).
 * - At the token endpoint `resource` picks among the APIs the grant covers and cannot add one
 *   (§2.2); the access token then carries only the scopes meant for its audience.
 */
import type { ProviderContext } from './context.ts';
import { invalidScope, invalidTarget } from './errors.ts';
import type { ApiResourceRecord, ClientRecord } from './ports.ts';
import { isStandardScope } from './scopes.ts';

/** The `resource` values of a request (kept space-separated by lib/oidc/http/params.ts). */
export function parseResourceIndicators(value: string | undefined): string[] {
  const values = [...new Set((value ?? '').split(' ').filter(Boolean))];
  for (const v of values) {
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      throw invalidTarget(`"${v}" is not an absolute URI (RFC 8707 §2).`);
    }
    if (v.includes('#') || url.hash) throw invalidTarget(`"${v}" must not contain a fragment (RFC 8707 §2).`);
  }
  return values;
}

export const formatResources = (resources: readonly ApiResourceRecord[]) =>
  resources.length ? resources.map((r) => r.identifier).join(' ') : null;

/** The scopes of `resource` this app may ask for. */
export function grantableScopes(client: ClientRecord, resource: ApiResourceRecord): string[] {
  const names = resource.scopes.map((s) => s.name);
  return resource.openAccess ? names : names.filter((n) => client.apiScopes.includes(n));
}

const mayUse = (client: ClientRecord, resource: ApiResourceRecord) => grantableScopes(client, resource).length > 0 || resource.openAccess;

/**
 * The APIs an authorization (or client_credentials) request is for, after checking the app may
 * ask for them and for each requested scope. Scopes that are neither standard nor an API's stay
 * the client's own registered scopes (checked against client.scopes).
 */
export async function resolveRequestedResources(
  ctx: ProviderContext,
  client: ClientRecord,
  scopes: readonly string[],
  resourceParam: string | undefined,
): Promise<ApiResourceRecord[]> {
  const identifiers = parseResourceIndicators(resourceParam);
  const resources: ApiResourceRecord[] = [];
  for (const identifier of identifiers) {
    const resource = await ctx.stores.resources.findByIdentifier(identifier);
    if (!resource) throw invalidTarget(`No API is registered with the identifier "${identifier}".`);
    if (!mayUse(client, resource)) throw invalidTarget(`This app has not been granted access to the API "${resource.name}" (${identifier}).`);
    resources.push(resource);
  }
  if (!identifiers.length) {
    const fallback = (await ctx.stores.settings.get()).defaultResource;
    const resource = fallback ? await ctx.stores.resources.findByIdentifier(fallback) : null;
    if (resource && mayUse(client, resource)) resources.push(resource);
  }

  for (const scope of scopes) {
    if (isStandardScope(scope)) continue;
    const owner = await ctx.stores.resources.findByScope(scope);
    if (!owner) {
      if (!client.scopes.includes(scope)) throw invalidScope(`This client may not request: ${scope}.`);
      continue;
    }
    if (!resources.some((r) => r.id === owner.id)) {
      throw invalidScope(`The scope "${scope}" belongs to the API ${owner.identifier}: add resource=${owner.identifier} to the request (RFC 8707).`);
    }
    if (!grantableScopes(client, owner).includes(scope)) {
      throw invalidScope(`The owner of ${owner.identifier} has not approved "${scope}" for this app.`);
    }
  }
  return resources;
}

/** RFC 8707 §2.2: the audience of a token from a grant covering `granted` (space-separated). */
export async function resolveTokenAudience(ctx: ProviderContext, granted: string | null, resourceParam: string | undefined): Promise<ApiResourceRecord[]> {
  const covered = (granted ?? '').split(' ').filter(Boolean);
  const requested = parseResourceIndicators(resourceParam);
  for (const identifier of requested) {
    if (!covered.includes(identifier)) throw invalidTarget(`This grant does not cover the resource "${identifier}".`);
  }
  const audience: ApiResourceRecord[] = [];
  for (const identifier of requested.length ? requested : covered) {
    const resource = await ctx.stores.resources.findByIdentifier(identifier);
    if (resource) audience.push(resource);
    else if (requested.length) throw invalidTarget(`The API "${identifier}" no longer exists.`);
  }
  return audience;
}

/** The scopes an access token for `audience` carries: API scopes of other APIs are left out. */
export async function scopesForAudience(ctx: ProviderContext, scopes: readonly string[], audience: readonly ApiResourceRecord[]): Promise<string[]> {
  const kept: string[] = [];
  for (const scope of scopes) {
    if (isStandardScope(scope)) {
      kept.push(scope);
      continue;
    }
    const owner = await ctx.stores.resources.findByScope(scope);
    if (!owner || audience.some((r) => r.id === owner.id)) kept.push(scope);
  }
  return kept;
}

/**
 * Format and lifetime of an access token for `audience`: the API's own; for several APIs, JWT only
 * when all of them take JWTs, and the shortest lifetime; with no API, the app's settings.
 */
export function accessTokenShape(client: ClientRecord, audience: readonly ApiResourceRecord[]): { format: 'opaque' | 'jwt'; ttl: number } {
  if (!audience.length) return { format: client.accessTokenFormat, ttl: client.accessTokenTtl };
  return {
    format: audience.every((r) => r.tokenFormat === 'jwt') ? 'jwt' : 'opaque',
    ttl: Math.min(...audience.map((r) => r.accessTokenTtl)),
  };
}
