/**
 * CORS for browser-based apps (single-page apps calling the endpoints from their own origin).
 * - Discovery and JWKS are public documents: any origin may read them.
 * - Token, userinfo, introspection and revocation answer CORS only for origins of redirect URIs
 *   registered by some client (preflight) and, on the actual request, by the calling client.
 * - Authorize and end-session are top-level navigations and never need CORS.
 * Credentials (cookies) are never allowed cross-origin.
 */
import type { ClientRecord, ClientStore } from '../ports.ts';

const PREFLIGHT_MAX_AGE = '600';

export const PUBLIC_CORS = { 'access-control-allow-origin': '*' };

export function originOf(uri: string): string | null {
  try {
    const origin = new URL(uri).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export function clientAllowsOrigin(client: ClientRecord, origin: string): boolean {
  return client.redirectUris.some((uri) => originOf(uri) === origin);
}

export function corsHeaders(origin: string | null, allowed: boolean): Record<string, string> {
  if (!origin || !allowed) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': 'WWW-Authenticate',
    vary: 'Origin',
  };
}

export async function preflight(request: Request, clients: ClientStore, methods: string): Promise<Response> {
  const origin = request.headers.get('origin');
  const allowed = origin !== null && (await clients.originRegistered(origin));
  if (!allowed) return new Response(null, { status: 204, headers: { vary: 'Origin' } });
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(origin, true),
      'access-control-allow-methods': methods,
      'access-control-allow-headers': 'Authorization, Content-Type, DPoP',
      'access-control-max-age': PREFLIGHT_MAX_AGE,
    },
  });
}

export function publicPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: { ...PUBLIC_CORS, 'access-control-allow-methods': 'GET, OPTIONS', 'access-control-max-age': PREFLIGHT_MAX_AGE },
  });
}
