/**
 * Device authorization endpoint (RFC 8628 §3.1–§3.2). A client on a device without a usable
 * browser (a TV, a CLI) gets a device code, which it keeps and polls the token endpoint with, and a
 * user code, which the user enters at verification_uri on a phone or computer.
 * - Client authentication, CORS and errors are the token endpoint's (RFC 8628 §3.1 refers to
 *   RFC 6749 §2.3 and §5.2): lib/oidc/http/client-endpoint.ts.
 * - The client must be allowed the device grant; scope and `resource` (RFC 8707) are checked as at
 *   the authorization endpoint (lib/oidc/resources.ts) and the APIs kept for the token.
 * - Both codes are stored only as SHA-256 hashes.
 */
import type { ProviderContext } from '../context.ts';
import { DEVICE_CODE_GRANT, DEVICE_CODE_PREFIX, DEVICE_CODE_TTL_S, DEVICE_PATHS, DEVICE_POLL_INTERVAL_S } from '../device-codes.ts';
import { tooManyRequests, unauthorizedClient } from '../errors.ts';
import { clientEndpoint } from '../http/client-endpoint.ts';
import { json } from '../http/responses.ts';
import type { NewDeviceAuthorization } from '../ports.ts';
import { formatResources, resolveRequestedResources } from '../resources.ts';
import { formatScope, parseScope } from '../scopes.ts';
import { randomSecret, sha256 } from '../tokens.ts';
import { formatUserCode, generateUserCode, hashUserCode } from '../user-code.ts';

/** A user code collides with one on record about once in 2^34 draws; a few tries are plenty. */
const USER_CODE_ATTEMPTS = 5;

export function deviceAuthorizationEndpoint(ctx: ProviderContext) {
  const verificationUri = `${ctx.settings.issuer}${DEVICE_PATHS.verification}`;
  return clientEndpoint(ctx, 'device authorization', async ({ params, client }) => {
    // RFC 8628 §3.1 + RFC 6749 §5.2: a client not registered for the device grant.
    if (!client.grantTypes.includes(DEVICE_CODE_GRANT)) throw unauthorizedClient('This client is not allowed to use the device authorization grant.');
    const limit = await ctx.limits.tokenPerClient(client.id);
    if (!limit.allowed) throw tooManyRequests('This client has sent too many requests. Retry after the time in Retry-After.', limit.retryAfterSeconds);
    const scopes = parseScope(params.get('scope'));
    const resources = await resolveRequestedResources(ctx, client, scopes, params.get('resource'));

    const deviceCode = randomSecret(DEVICE_CODE_PREFIX);
    const now = ctx.clock();
    const record: Omit<NewDeviceAuthorization, 'userCodeHash'> = {
      deviceCodeHash: sha256(deviceCode),
      clientId: client.id,
      scope: formatScope(scopes),
      resources: formatResources(resources),
      interval: DEVICE_POLL_INTERVAL_S,
      createdAt: now,
      expiresAt: new Date(now.getTime() + DEVICE_CODE_TTL_S * 1000),
    };
    const userCode = formatUserCode(await storeWithNewUserCode(ctx, record));
    // RFC 8628 §3.2
    return json({
      device_code: deviceCode,
      user_code: userCode,
      verification_uri: verificationUri,
      verification_uri_complete: `${verificationUri}?user_code=${userCode}`,
      expires_in: DEVICE_CODE_TTL_S,
      interval: DEVICE_POLL_INTERVAL_S,
    });
  });
}

async function storeWithNewUserCode(ctx: ProviderContext, record: Omit<NewDeviceAuthorization, 'userCodeHash'>): Promise<string> {
  for (let attempt = 0; attempt < USER_CODE_ATTEMPTS; attempt++) {
    const userCode = generateUserCode();
    if (await ctx.stores.devices.create({ ...record, userCodeHash: hashUserCode(userCode) })) return userCode;
  }
  throw new Error('Could not draw an unused user code.');
}
