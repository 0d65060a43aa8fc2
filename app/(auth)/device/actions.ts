'use server';

import { headers } from 'next/headers';
import type { DeviceActionState } from '@/components/auth/device-consent-form';
import { decideDeviceAuthorization } from '@/lib/account/decide-device-authorization';
import { getSignedInUser } from '@/lib/auth/session';
import { userFacingMessage } from '@/lib/auth/user-facing-error';
import { tooManyAttemptsMessage } from '@/lib/rate-limit/messages';
import { CLIENT_IP_HEADER } from '@/lib/server/client-ip';
import { getRuntime } from '@/lib/server/runtime';
import { deviceDecisionSchema } from '@/lib/validation/device';
import { DEVICE_CODE_MESSAGES } from '@/components/auth/device-code-problem';

/**
 * Approve or Deny for the device request the page showed (RFC 8628 §3.3). The core reads the
 * user from the session cookie of this request and re-checks the code; the answer is shown in
 * place of the form, since the device, not this browser, continues the sign-in.
 */
export async function decideDevice(_previous: DeviceActionState, formData: FormData): Promise<DeviceActionState> {
  const parsed = deviceDecisionSchema.safeParse({ userCode: formData.get('user_code'), decision: formData.get('decision') });
  if (!parsed.success) return { error: 'Choose Approve or Deny to continue.' };
  const user = await getSignedInUser();
  if (!user) return { error: 'You are no longer signed in. Reload this page to sign in again.' };
  // The decision belongs to the account the screen showed (see the consent screen's action).
  const shownAccount = formData.get('account');
  if (typeof shownAccount === 'string' && shownAccount !== user.id) {
    return { error: `You are now signed in as ${user.email}. Reload this page to review the request for that account.` };
  }

  const { config, db, provider, rateLimits } = await getRuntime();
  const requestHeaders = await headers();
  const request = { method: 'POST', url: `${config.issuer}/device`, headers: requestHeaders, text: async () => '' };
  try {
    const result = await decideDeviceAuthorization(
      { db, devices: provider.devices, limiter: rateLimits.userCodePerIp },
      { request, ip: requestHeaders.get(CLIENT_IP_HEADER), ...parsed.data },
    );
    switch (result.status) {
      case 'approved':
      case 'denied':
        return { done: result.status };
      case 'signed_out':
        return { error: 'You are no longer signed in. Reload this page to sign in again.' };
      case 'rate_limited':
        return { error: tooManyAttemptsMessage(result.retryAfterSeconds) };
      default:
        return { error: DEVICE_CODE_MESSAGES[result.status] };
    }
  } catch (err) {
    return { error: userFacingMessage(err) };
  }
}
