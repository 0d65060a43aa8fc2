/**
 * Client fields added with the developer portal: descriptive metadata shown on the consent screen
 * (RFC 7591 §2 client_uri, logo_uri, policy_uri, tos_uri), grant types, token lifetimes and
 * refresh token rotation. Shared by create and update (client.ts, client-update.ts).
 */
import { z } from 'zod';
import { DEVICE_CODE_GRANT } from '../oidc/device-codes.ts';
import { isLoopback, type ClientKind } from '../oidc/redirect-uri.ts';
import { CONTROL_MESSAGE, isMultiLine, isSingleLine } from './text.ts';

/** Longest URI accepted anywhere in client metadata. */
export const URI_MAX_LENGTH = 2000;

const MINUTE = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;
export const ACCESS_TOKEN_TTL_BOUNDS = { min: MINUTE, max: DAY } as const;
export const REFRESH_TOKEN_TTL_BOUNDS = { min: HOUR, max: 365 * DAY } as const;

/** An empty form field means "none": '' becomes null. */
const blankToNull = (value: string) => (value === '' ? null : value);

export const descriptionField = z
  .string({ error: 'Description must be text.' })
  .trim()
  .max(500, 'Descriptions are at most 500 characters.')
  .refine(isMultiLine, `Descriptions ${CONTROL_MESSAGE}.`)
  .transform(blankToNull)
  .nullable();

/**
 * Web pages shown to users (homepage, logo, privacy policy, terms): https, or http on a loopback
 * host for local development. RFC 7591 §5 warns these are displayed to end users, so no other schemes.
 */
export const webUriField = (label: string) =>
  z
    .string({ error: `${label} must be a URL.` })
    .trim()
    .max(URI_MAX_LENGTH, `${label} is at most ${URI_MAX_LENGTH} characters.`)
    .refine(isSingleLine, `${label} ${CONTROL_MESSAGE}.`)
    .transform(blankToNull)
    .refine((uri) => uri === null || isWebUrl(uri), `${label} must be an https URL, such as https://app.example.com.`)
    .nullable();

function isWebUrl(uri: string): boolean {
  try {
    const url = new URL(uri);
    return (url.protocol === 'https:' && url.hostname !== '') || isLoopback(url);
  } catch {
    return false;
  }
}

export const GRANT_TYPES = ['authorization_code', 'implicit', 'refresh_token', 'client_credentials', DEVICE_CODE_GRANT] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

/**
 * Grant types each application type may use. Browser-based types sign users in with the code flow
 * (RFC 6749 §4.1) and may refresh (§6); they may also use the OpenID Connect implicit and hybrid
 * flows (the implicit grant, §4.2), which only the response types that need it switch on
 * (response-types.ts); public clients cannot authenticate, so never
 * client_credentials (§4.4); a service uses only client_credentials. The device grant (RFC 8628)
 * is for apps on devices that cannot show a browser or take typing well (TVs, CLIs): native apps
 * (public, §5.6) and confidential web apps (§3.1 authenticates them), never a single-page app,
 * which has a browser, nor a service, which acts for no user.
 */
export const GRANT_TYPES_BY_TYPE: Record<ClientKind, readonly GrantType[]> = {
  web: ['authorization_code', 'implicit', 'refresh_token', 'client_credentials', DEVICE_CODE_GRANT],
  spa: ['authorization_code', 'implicit', 'refresh_token'],
  native: ['authorization_code', 'implicit', 'refresh_token', DEVICE_CODE_GRANT],
  service: ['client_credentials'],
};

export const grantTypesField = z
  .array(z.enum(GRANT_TYPES, { error: `Grant types are ${GRANT_TYPES.join(', ')}.` }), { error: 'Grant types must be a list.' })
  .min(1, 'Choose at least one grant type.')
  .transform((list) => [...new Set(list)]);

export const accessTokenTtlField = z
  .number({ error: 'Access token lifetime must be a number of seconds.' })
  .int('Access token lifetime must be a whole number of seconds.')
  .min(ACCESS_TOKEN_TTL_BOUNDS.min, 'Access tokens live at least 60 seconds.')
  .max(ACCESS_TOKEN_TTL_BOUNDS.max, 'Access tokens live at most 24 hours (86400 seconds).');

export const refreshTokenTtlField = z
  .number({ error: 'Refresh token lifetime must be a number of seconds.' })
  .int('Refresh token lifetime must be a whole number of seconds.')
  .min(REFRESH_TOKEN_TTL_BOUNDS.min, 'Refresh tokens live at least 1 hour (3600 seconds).')
  .max(REFRESH_TOKEN_TTL_BOUNDS.max, 'Refresh tokens live at most 365 days (31536000 seconds).');

export const refreshTokenRotationField = z.boolean({ error: 'Refresh token rotation must be true or false.' });
export const skipConsentField = z.boolean({ error: 'Skip consent must be true or false.' });
