/**
 * Safe defaults per application type, so a developer picks "what kind of app" and never has to
 * choose grant types or authentication methods by hand.
 *
 * - web: a server-side app that can keep a secret — confidential (RFC 6749 §2.1), authenticates
 *   with HTTP Basic (RFC 6749 §2.3.1).
 * - spa, native: run on the user's device and cannot keep a secret — public clients
 *   (token_endpoint_auth_method "none"); the core requires PKCE for them (RFC 7636, RFC 8252 §6).
 *   Single-page apps hold tokens in the browser, so theirs are short-lived.
 * - service: machine-to-machine, client_credentials only (RFC 6749 §4.4), no user, no refresh token;
 *   its scope is exactly what was asked for.
 */
import type { ClientRecord } from '../oidc/ports.ts';
import type { ClientKind } from '../oidc/redirect-uri.ts';

export type ClientDefaults = {
  tokenEndpointAuthMethod: ClientRecord['tokenEndpointAuthMethod'];
  grantTypes: string[];
  scope: string;
  accessTokenTtl: number;
  refreshTokenTtl: number;
};

const USER_SCOPE = 'openid profile email phone address offline_access';
const USER_GRANTS = ['authorization_code', 'refresh_token'];
const HOUR = 3600;
const DAY = 24 * HOUR;

const DEFAULTS: Record<ClientKind, ClientDefaults> = {
  web: { tokenEndpointAuthMethod: 'client_secret_basic', grantTypes: USER_GRANTS, scope: USER_SCOPE, accessTokenTtl: HOUR, refreshTokenTtl: 30 * DAY },
  spa: { tokenEndpointAuthMethod: 'none', grantTypes: USER_GRANTS, scope: USER_SCOPE, accessTokenTtl: 15 * 60, refreshTokenTtl: DAY },
  native: { tokenEndpointAuthMethod: 'none', grantTypes: USER_GRANTS, scope: USER_SCOPE, accessTokenTtl: HOUR, refreshTokenTtl: 30 * DAY },
  service: { tokenEndpointAuthMethod: 'client_secret_basic', grantTypes: ['client_credentials'], scope: '', accessTokenTtl: HOUR, refreshTokenTtl: 30 * DAY },
};

export function clientDefaults(type: ClientKind): ClientDefaults {
  const d = DEFAULTS[type];
  return { ...d, grantTypes: [...d.grantTypes] };
}
