/**
 * CORS for browser-based apps (single-page apps calling the endpoints from their own origin).
 * - Discovery and JWKS are public documents: any origin may read them.
 * - Token, userinfo, introspection and revocation answer CORS only for origins of redirect URIs
 *   registered by some client (preflight) and, on the actual request, by the calling client.
 * - Authorize and end-session are top-level navigations and never need CORS.
 * Credentials (cookies) are never allowed cross-origin.
 */
import type { ClientRecord, ClientStore } from '../ports.ts';
import { methodNotAllowed } from '../errors.ts';
import { errorJson } from './responses.ts';
import { response, type HttpRequest, type HttpResponse } from './message.ts';

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
    'access-control-expose-headers': 'WWW-Authenticate, DPoP-Nonce',
    vary: 'Origin',
  };
}

export async function preflight(request: HttpRequest, clients: ClientStore, methods: string): Promise<HttpResponse> {
  const origin = request.headers.get('origin');
  const allowed = origin !== null && (await clients.originRegistered(origin));
  if (!allowed) return response(204, null, { vary: 'Origin' });
  return response(204, null, {
    ...corsHeaders(origin, true),
    'access-control-allow-methods': methods,
    'access-control-allow-headers': 'Authorization, Content-Type, DPoP',
    'access-control-max-age': PREFLIGHT_MAX_AGE,
  });
}

function publicPreflight(): HttpResponse {
  return response(204, null, { ...PUBLIC_CORS, 'access-control-allow-methods': 'GET, OPTIONS', 'access-control-max-age': PREFLIGHT_MAX_AGE });
}

/** Discovery and JWKS: a preflight for OPTIONS, 405 for anything but GET and HEAD, else null (go on). */
export function publicReadOnly(request: HttpRequest): HttpResponse | null {
  if (request.method === 'OPTIONS') return publicPreflight();
  if (request.method === 'GET' || request.method === 'HEAD') return null;
  return errorJson(methodNotAllowed('This document is read with GET.', 'GET, HEAD, OPTIONS'), PUBLIC_CORS);
}
