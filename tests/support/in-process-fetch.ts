/**
 * openid-client against the in-process core (core-harness.ts): its back-channel requests
 * (discovery, JWKS, token, userinfo…) go straight to the endpoint the production server would
 * route them to (lib/server/handlers.ts), as real Fetch Requests. No listener, no stale build.
 */
import * as oidc from 'openid-client';
import { fetchEndpoint } from '@/lib/oidc/http/message.ts';
import { protocolRoute } from '@/lib/server/handlers.ts';
import type { Harness } from './core-harness.ts';

export function inProcessFetch(h: Harness): oidc.CustomFetch {
  const origin = new URL(h.config.issuer).origin;
  return async (url, options) => {
    const target = new URL(url);
    const name = target.origin === origin ? protocolRoute(target.pathname) : undefined;
    if (!name) throw new Error(`No in-process endpoint serves ${url}`);
    const { method, headers, body } = options;
    return fetchEndpoint(h.runtime.provider.endpoints[name])(new Request(target, { method, headers, body: body as BodyInit | null | undefined }));
  };
}

/** openid-client's Configuration for `clientId`, discovered from the in-process core. */
export async function discoverInProcess(
  h: Harness,
  clientId: string,
  auth: oidc.ClientAuth,
  execute: ((config: oidc.Configuration) => void)[] = [],
  metadata?: Partial<oidc.ClientMetadata>,
): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(h.config.issuer), clientId, metadata, auth, {
    [oidc.customFetch]: inProcessFetch(h),
    execute: [oidc.allowInsecureRequests, ...execute],
  });
}
