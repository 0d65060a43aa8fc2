/**
 * The protocol endpoints bound to this process's runtime, taking and giving Fetch objects, for the
 * app/ route files (and so `next dev`). The production server (http-server.ts) calls the core's
 * endpoints directly with its own lighter request and response (lib/oidc/http/message.ts).
 */
import type { Provider } from '../oidc/provider.ts';
import { toFetchResponse } from '../oidc/http/message.ts';
import { getRuntime } from './runtime.ts';

type EndpointName = keyof Provider['endpoints'];

const bind = (name: EndpointName) => async (request: Request) => toFetchResponse(await (await getRuntime()).provider.endpoints[name](request));

export const discovery = bind('discovery');
export const jwks = bind('jwks');
export const authorize = bind('authorize');
export const token = bind('token');
export const par = bind('par');
export const userinfo = bind('userinfo');
export const introspect = bind('introspect');
export const revoke = bind('revoke');
export const endSession = bind('endSession');
export const register = bind('register');
export const resourceMetadata = bind('resourceMetadata');
export const deviceAuthorization = bind('deviceAuthorization');

/** Path → endpoint, for the production server's fast path. */
export const PROTOCOL_ROUTES: Record<string, EndpointName> = {
  '/.well-known/openid-configuration': 'discovery',
  '/.well-known/oauth-authorization-server': 'discovery',
  '/.well-known/jwks.json': 'jwks',
  '/oauth/authorize': 'authorize',
  '/oauth/token': 'token',
  '/oauth/par': 'par',
  '/oauth/userinfo': 'userinfo',
  '/oauth/introspect': 'introspect',
  '/oauth/revoke': 'revoke',
  '/oauth/end-session': 'endSession',
  '/oauth/register': 'register',
  '/oauth/resource-metadata': 'resourceMetadata',
  '/oauth/device_authorization': 'deviceAuthorization',
};

/** The endpoint serving `path`: an exact protocol path, or a registration_client_uri (RFC 7592). */
export function protocolRoute(path: string): EndpointName | undefined {
  return PROTOCOL_ROUTES[path] ?? (path.startsWith('/oauth/register/') ? 'register' : undefined);
}
