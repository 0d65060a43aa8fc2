/**
 * The /device page's look-up of a user code (RFC 8628 §3.3): the app and permissions to show,
 * or why the code cannot be used. Wrong codes count against the caller's IP (guard-user-code-entry.ts).
 */
import type { DeviceAuthorizations, DeviceLookup } from '../oidc/device-authorizations.ts';
import type { Limiter } from '../rate-limit/limiter.ts';
import { guardUserCodeEntry, type UserCodeRateLimited } from './guard-user-code-entry.ts';

export type FindDeviceAuthorizationDeps = { devices: DeviceAuthorizations; limiter?: Limiter };

export async function findDeviceAuthorization(
  deps: FindDeviceAuthorizationDeps,
  input: { userCode: string; ip: string | null },
): Promise<DeviceLookup | UserCodeRateLimited> {
  return guardUserCodeEntry(deps.limiter, input.ip, () => deps.devices.describe(input.userCode));
}
