/**
 * The rules that depend on the application type (RFC 6749 §2.1 client types), checked on whichever
 * fields are present — all of them on create, the patched ones on update:
 * - redirect URIs follow lib/oidc/redirect-uri.ts (RFC 6749 §3.1.2, RFC 8252 §7) and do not repeat;
 *   browser-based types need at least one, a service (client_credentials only) registers none;
 * - spa and native apps are public (token_endpoint_auth_method "none"); web and service apps are
 *   confidential and authenticate with a secret or a private key (client-auth-method.ts);
 * - grant types stay within GRANT_TYPES_BY_TYPE, and apps that sign users in keep authorization_code,
 *   implicit (OpenID Connect implicit flow) or, on a device without a usable browser, the device
 *   grant (RFC 8628); an app that signs users in only with the device grant has no redirect, so
 *   needs no redirect URI;
 * - public apps (spa, native) keep refresh token rotation on (RFC 9700 §4.14.2).
 */
import type { z } from 'zod';
import { redirectUriProblem, type ClientKind } from '../oidc/redirect-uri.ts';
import { DEVICE_CODE_GRANT } from '../oidc/device-codes.ts';
import { GRANT_TYPES_BY_TYPE } from './client-fields.ts';

type UriField = 'redirectUris' | 'postLogoutRedirectUris';

/** Grants that sign a user in: the code flow, the implicit flow, or the device flow. */
const SIGN_IN_GRANTS = ['authorization_code', 'implicit', DEVICE_CODE_GRANT];

/**
 * Registration rules for one list of URIs: each must pass redirectUriProblem for the type, and
 * none may repeat. Exported so edit forms can check a single list against a known type.
 */
export function checkUris(uris: readonly string[], type: ClientKind, field: UriField, ctx: z.RefinementCtx): void {
  const label = field === 'redirectUris' ? 'Redirect URI' : 'Post-logout redirect URI';
  const seen = new Set<string>();
  uris.forEach((uri, index) => {
    const problem = redirectUriProblem(uri, type);
    if (problem) ctx.addIssue({ code: 'custom', path: [field, index], message: `${label} "${uri}" ${problem}.` });
    else if (seen.has(uri)) ctx.addIssue({ code: 'custom', path: [field, index], message: `${label} "${uri}" is listed more than once.` });
    seen.add(uri);
  });
}

/** The type-dependent rules, on whichever of these fields are present (all of them on create). */
export type TypeRuleFields = {
  redirectUris?: string[];
  postLogoutRedirectUris?: string[];
  tokenEndpointAuthMethod?: string;
  grantTypes?: string[];
  refreshTokenRotation?: boolean;
};

export function checkTypeRules(type: ClientKind, client: TypeRuleFields, ctx: z.RefinementCtx): void {
  const method = client.tokenEndpointAuthMethod;
  if (method && method !== 'none' && (type === 'spa' || type === 'native')) {
    ctx.addIssue({
      code: 'custom',
      path: ['tokenEndpointAuthMethod'],
      message: 'Single-page and native apps cannot keep a secret or a private key: they are public clients (token_endpoint_auth_method none) and use PKCE instead.',
    });
  } else if (method === 'none' && (type === 'web' || type === 'service')) {
    ctx.addIssue({
      code: 'custom',
      path: ['tokenEndpointAuthMethod'],
      message: `A ${type} app is a confidential client: use client_secret_basic, client_secret_post, client_secret_jwt or private_key_jwt (or choose a spa or native app).`,
    });
  }
  // RFC 9700 §4.14.2: a public client's refresh tokens must be sender-constrained or rotated, and
  // Portico does not sender-constrain them, so rotation stays on (the token grant enforces it too).
  if (client.refreshTokenRotation === false && (type === 'spa' || type === 'native')) {
    ctx.addIssue({
      code: 'custom',
      path: ['refreshTokenRotation'],
      message: 'Single-page and native apps are public clients: their refresh tokens must rotate on every use, so rotation cannot be turned off.',
    });
  }
  const allowed = GRANT_TYPES_BY_TYPE[type];
  const refused = client.grantTypes?.filter((g) => !(allowed as readonly string[]).includes(g)) ?? [];
  if (refused.length) {
    ctx.addIssue({ code: 'custom', path: ['grantTypes'], message: `A ${type} app cannot use ${refused.join(', ')}; it may use ${allowed.join(', ')}.` });
  } else if (client.grantTypes && type !== 'service' && !SIGN_IN_GRANTS.some((g) => client.grantTypes!.includes(g))) {
    ctx.addIssue({
      code: 'custom',
      path: ['grantTypes'],
      message: `Apps that sign users in need the authorization_code grant (or ${DEVICE_CODE_GRANT} on devices without a browser).`,
    });
  }
  if (type === 'service') {
    for (const field of ['redirectUris', 'postLogoutRedirectUris'] as const) {
      if (client[field]?.length) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'Service applications sign in with client credentials, not a browser: remove their redirect URIs.',
        });
      }
    }
    return;
  }
  // RFC 8628: the device grant never redirects; only the code and implicit flows need somewhere to return to.
  const redirects = !client.grantTypes || client.grantTypes.includes('authorization_code') || client.grantTypes.includes('implicit');
  if (client.redirectUris?.length === 0 && redirects) {
    ctx.addIssue({
      code: 'custom',
      path: ['redirectUris'],
      message: 'Add at least one redirect URI: where users return after signing in, such as https://app.example.com/callback.',
    });
  }
  if (client.redirectUris) checkUris(client.redirectUris, type, 'redirectUris', ctx);
  if (client.postLogoutRedirectUris) checkUris(client.postLogoutRedirectUris, type, 'postLogoutRedirectUris', ctx);
}

/** Skip the type rules only when the fields they read are themselves unusable (report everything else at once). */
export const TYPE_RULE_FIELDS = ['type', 'redirectUris', 'postLogoutRedirectUris', 'grantTypes', 'tokenEndpointAuthMethod', 'refreshTokenRotation'];
export const typeRulesApply = ({ issues }: { issues: { path?: PropertyKey[] }[] }) =>
  !issues.some((i) => TYPE_RULE_FIELDS.includes(String(i.path?.[0])));
