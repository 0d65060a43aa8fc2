/**
 * The signed-in user approves or denies a device's request (RFC 8628 §3.3) on the /device page.
 * The core re-checks the code and reads the user from the session cookie in `request`
 * (lib/oidc/device-authorizations.ts); wrong codes count against the IP like a look-up does.
 * A decision is then written to the user's security activity, as the consent screen's is.
 */
import type { Db } from '../db/client.ts';
import type { DeviceAuthorizations, DeviceDecision } from '../oidc/device-authorizations.ts';
import type { HttpRequest } from '../oidc/http/message.ts';
import type { Limiter } from '../rate-limit/limiter.ts';
import { guardUserCodeEntry, type UserCodeRateLimited } from './guard-user-code-entry.ts';
import { recordConsentDecision } from './record-consent-decision.ts';

export type DecideDeviceAuthorizationDeps = { db: Db; devices: DeviceAuthorizations; limiter?: Limiter };

export type DecideDeviceAuthorizationInput = {
  /** Carries the browser session cookie. */
  request: HttpRequest;
  ip: string | null;
  userCode: string;
  decision: 'approve' | 'deny';
};

export async function decideDeviceAuthorization(
  deps: DecideDeviceAuthorizationDeps,
  input: DecideDeviceAuthorizationInput,
): Promise<DeviceDecision | UserCodeRateLimited> {
  const result = await guardUserCodeEntry(deps.limiter, input.ip, () => deps.devices.decide(input.request, input.userCode, input.decision));
  if (result.status === 'approved' || result.status === 'denied') {
    const { userId, client, scopes } = result;
    const decision = result.status === 'approved' ? { decision: 'allow' as const, client, requested: scopes, ticked: scopes } : { decision: 'deny' as const, client, requested: scopes };
    // The audit record is not worth failing the decision for: the device already has its answer.
    await recordConsentDecision(deps.db, { userId }, decision).catch((err: unknown) => console.error('could not record the device decision', err));
  }
  return result;
}
