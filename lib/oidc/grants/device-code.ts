/**
 * Device code grant (RFC 8628 §3.4–§3.5): the device polls with its device_code while the user
 * decides on another device.
 * - An unknown device code, or another client's, is invalid_grant (RFC 6749 §5.2).
 * - Past expires_in: expired_token; the user said no: access_denied (§3.5).
 * - Still pending: authorization_pending, or slow_down when the device polled sooner than its
 *   interval allows, which also raises the interval by 5 seconds from then on (§3.5).
 * - Approved: tokens, exactly once — approved → consumed is one conditional update, so of two
 *   racing polls one gets the tokens and the other invalid_grant. The Grant was created when the
 *   user approved (lib/oidc/device-authorizations.ts); if it has been revoked since, nothing is issued.
 * - Refresh tokens follow the authorization code grant's rule (mayRefresh); an ID token comes with openid.
 */
import { requireAppAccessOnRefresh } from '../app-access.ts';
import type { ProviderContext } from '../context.ts';
import type { DpopProof } from '../dpop.ts';
import { deviceGrantId } from '../device-authorizations.ts';
import { SLOW_DOWN_STEP_S } from '../device-codes.ts';
import { accessDenied, authorizationPending, expiredToken, invalidGrant, invalidRequest, slowDown, type OAuthError } from '../errors.ts';
import type { Params } from '../http/params.ts';
import { issueTokens, type TokenResponse } from '../issue-tokens.ts';
import type { ClientRecord, DeviceAuthorizationRecord } from '../ports.ts';
import { resolveTokenAudience } from '../resources.ts';
import { parseScope } from '../scopes.ts';
import { sha256 } from '../tokens.ts';
import { mayRefresh } from './authorization-code.ts';

export async function deviceCodeGrant(ctx: ProviderContext, client: ClientRecord, params: Params, dpop: DpopProof | null): Promise<TokenResponse> {
  const deviceCode = params.get('device_code');
  if (!deviceCode) throw invalidRequest('The "device_code" parameter is required.');
  const record = await ctx.stores.devices.findByDeviceCode(sha256(deviceCode));
  if (!record || record.clientId !== client.id) throw invalidGrant('The device code is invalid.');
  const now = ctx.clock();
  if (record.status === 'consumed') throw invalidGrant('The device code was already used.');
  // RFC 8628 §3.5: expired_token, then access_denied, then the pending answers.
  if (record.expiresAt <= now) throw expiredToken('The device code has expired. Start again on the device to get a new code.');
  if (record.status === 'denied') throw accessDenied('The user denied the request.');
  if (record.status === 'pending') throw await pendingAnswer(ctx, record, now);
  return redeem(ctx, client, record, params, dpop);
}

/** RFC 8628 §3.5: authorization_pending, or slow_down (and 5 more seconds) for a poll within the interval. */
async function pendingAnswer(ctx: ProviderContext, record: DeviceAuthorizationRecord, now: Date): Promise<OAuthError> {
  const early = record.lastPolledAt !== null && now.getTime() - record.lastPolledAt.getTime() < record.interval * 1000;
  // A poll that lands between another's read and write counts as early too: the two came together.
  if (!early && (await ctx.stores.devices.recordPoll(record.deviceCodeHash, record.lastPolledAt, now))) {
    return authorizationPending('The user has not decided yet. Poll again after the interval.');
  }
  await ctx.stores.devices.slowDown(record.deviceCodeHash, SLOW_DOWN_STEP_S, now);
  return slowDown(`Polling too often: wait at least ${record.interval + SLOW_DOWN_STEP_S} seconds between requests from now on.`);
}

async function redeem(ctx: ProviderContext, client: ClientRecord, record: DeviceAuthorizationRecord, params: Params, dpop: DpopProof | null): Promise<TokenResponse> {
  // RFC 8707 §2.2: `resource` may pick among the APIs the user approved; checked before the code is spent.
  const audience = await resolveTokenAudience(ctx, record.resources, params.get('resource'));
  if (!(await ctx.stores.devices.consume(record.deviceCodeHash))) throw invalidGrant('The device code was already used.');
  const grantId = deviceGrantId(record.deviceCodeHash);
  const scopes = parseScope(record.scope);
  const [grant, user] = await Promise.all([ctx.stores.grants.find(grantId), record.userId ? ctx.stores.users.find(record.userId) : null]);
  if (!grant || grant.revokedAt || !user || grant.authTime === null) throw invalidGrant('The authorization has been revoked.');
  // Controlled access (lib/oidc/app-access.ts): the device is refused for a user the app's policy leaves out.
  await requireAppAccessOnRefresh(ctx, client, user.id);

  return issueTokens(ctx, {
    client,
    grantId,
    userId: user.id,
    scopes,
    audience,
    refreshResources: record.resources,
    refresh: mayRefresh(client, scopes),
    user,
    idToken: { authTime: grant.authTime, nonce: null, sid: grant.sid, acr: grant.acr, amr: grant.amr },
    dpopJkt: dpop?.jkt,
  });
}
