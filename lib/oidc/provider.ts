/** The protocol core assembled: one `(HttpRequest) => Promise<HttpResponse>` per endpoint, plus the screens' API. */
import type { ProviderContext } from './context.ts';
import type { Endpoint } from './http/message.ts';
import { authorizationEndpoint } from './endpoints/authorize.ts';
import { deviceAuthorizationEndpoint } from './endpoints/device-authorization.ts';
import { discoveryEndpoint } from './endpoints/discovery.ts';
import { endSessionEndpoint } from './endpoints/end-session.ts';
import { introspectionEndpoint } from './endpoints/introspect.ts';
import { jwksEndpoint } from './endpoints/jwks.ts';
import { pushedAuthorizationRequestEndpoint } from './endpoints/par.ts';
import { revocationEndpoint } from './endpoints/revoke.ts';
import { registrationEndpoint } from './endpoints/register.ts';
import { resourceMetadataEndpoint } from './endpoints/resource-metadata.ts';
import { tokenEndpoint } from './endpoints/token.ts';
import { userinfoEndpoint } from './endpoints/userinfo.ts';
import { createBackchannelLogout } from './backchannel-logout.ts';
import { createInteractions } from './interactions.ts';
import { createDeviceAuthorizations } from './device-authorizations.ts';

export type { Endpoint };

export function createProvider(ctx: ProviderContext) {
  const logout = createBackchannelLogout(ctx);
  const endpoints = {
    discovery: discoveryEndpoint(ctx),
    jwks: jwksEndpoint(ctx),
    authorize: authorizationEndpoint(ctx),
    token: tokenEndpoint(ctx),
    par: pushedAuthorizationRequestEndpoint(ctx),
    userinfo: userinfoEndpoint(ctx),
    introspect: introspectionEndpoint(ctx),
    revoke: revocationEndpoint(ctx),
    endSession: endSessionEndpoint(ctx, logout),
    register: registrationEndpoint(ctx),
    resourceMetadata: resourceMetadataEndpoint(ctx),
    deviceAuthorization: deviceAuthorizationEndpoint(ctx),
  } satisfies Record<string, Endpoint>;
  return { endpoints, interactions: createInteractions(ctx), devices: createDeviceAuthorizations(ctx), keys: ctx.keys, logout };
}

export type Provider = ReturnType<typeof createProvider>;
