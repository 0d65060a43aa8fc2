/**
 * RFC 8628 device authorization: the grant type, where the user goes, and the timings.
 * No Node imports: the portal's forms (browser code) read the grant type from here too.
 */

/** RFC 8628 §3.4 */
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** A device code is a 256-bit bearer secret with its own type prefix (lib/oidc/tokens.ts). */
export const DEVICE_CODE_PREFIX = 'dc_';

export const DEVICE_PATHS = {
  /** RFC 8628 §3.1, published as device_authorization_endpoint (§4). */
  authorization: '/oauth/device_authorization',
  /** verification_uri (§3.2): the page where the user enters the code (app/(auth)/device). */
  verification: '/device',
} as const;

/** expires_in (§3.2): time to pick up a phone and sign in, short enough to keep guessing hopeless (§5.1). */
export const DEVICE_CODE_TTL_S = 600;
/** interval (§3.2): the 5 seconds §3.5 names as the default. */
export const DEVICE_POLL_INTERVAL_S = 5;
/** §3.5: slow_down raises the interval by 5 seconds for this and every later request. */
export const SLOW_DOWN_STEP_S = 5;
