/**
 * The app settings form's values and how they become an update patch. The form splits `scope`
 * into the standard OIDC scopes (checkboxes) and any others (a text field), and keeps what users
 * see for each of the others (scopeDescriptions; an empty one means the default wording). The
 * implicit grant is not a checkbox: it follows the response types that need it. Public keys are
 * chosen as none, inline (jwks) or by URL (jwks_uri), and the other one is sent as null.
 * Everything else maps one to one onto UpdateClientInput, so the shared updateClientSchemaFor(type)
 * checks it.
 */
import { STANDARD_SCOPES } from '@/lib/oidc/scopes';
import type { ClientDetail } from '@/lib/portal/types';
import { usesJwt, type AuthMethod } from '@/lib/validation/client-auth-method';
import type { UpdateClientInput } from '@/lib/validation/client-update';
import { grantsNeededBy, IMPLICIT_GRANT, isFrontChannelResponseType } from '@/lib/validation/response-types';

export type SettingsFormValues = {
  name: string;
  description: string;
  clientUri: string;
  policyUri: string;
  tosUri: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  backchannelLogoutUri: string;
  standardScopes: string[];
  extraScopes: string;
  /** Keyed by scope; kept while a scope is removed and typed again, sent only for the current ones. */
  scopeDescriptions: Record<string, string>;
  grantTypes: string[];
  refreshTokenRotation: boolean;
  accessTokenTtl: number;
  refreshTokenTtl: number;
  accessTokenFormat: 'opaque' | 'jwt';
  tokenEndpointAuthMethod: AuthMethod;
  idTokenAlg: string;
  skipConsent: boolean;
  responseTypes: string[];
  keySource: 'none' | 'jwks' | 'jwksUri';
  /** The JWK Set as JSON text. */
  jwks: string;
  jwksUri: string;
  /** '' = not set. */
  tokenEndpointAuthSigningAlg: string;
  requestObjectSigningAlg: string;
  requirePushedAuthorizationRequests: boolean;
  dpopBoundAccessTokens: boolean;
  subjectType: 'public' | 'pairwise';
  sectorIdentifierUri: string;
  frontchannelLogoutUri: string;
  frontchannelLogoutSessionRequired: boolean;
};

const STANDARD = new Set<string>(STANDARD_SCOPES);

export function settingsFromApp(app: ClientDetail): SettingsFormValues {
  const scopes = app.scope.split(' ').filter(Boolean);
  return {
    name: app.name,
    description: app.description ?? '',
    clientUri: app.clientUri ?? '',
    policyUri: app.policyUri ?? '',
    tosUri: app.tosUri ?? '',
    redirectUris: [...app.redirectUris],
    postLogoutRedirectUris: [...app.postLogoutRedirectUris],
    backchannelLogoutUri: app.backchannelLogoutUri ?? '',
    standardScopes: scopes.filter((s) => STANDARD.has(s)),
    extraScopes: scopes.filter((s) => !STANDARD.has(s)).join(' '),
    scopeDescriptions: { ...app.scopeDescriptions },
    grantTypes: [...app.grantTypes],
    refreshTokenRotation: app.refreshTokenRotation,
    accessTokenTtl: app.accessTokenTtl,
    refreshTokenTtl: app.refreshTokenTtl,
    accessTokenFormat: app.accessTokenFormat,
    tokenEndpointAuthMethod: app.tokenEndpointAuthMethod,
    idTokenAlg: app.idTokenSignedResponseAlg,
    skipConsent: app.skipConsent,
    responseTypes: [...app.responseTypes],
    keySource: app.jwks ? 'jwks' : app.jwksUri ? 'jwksUri' : 'none',
    jwks: app.jwks ? JSON.stringify(app.jwks, null, 2) : '',
    jwksUri: app.jwksUri ?? '',
    tokenEndpointAuthSigningAlg: app.tokenEndpointAuthSigningAlg ?? '',
    requestObjectSigningAlg: app.requestObjectSigningAlg ?? '',
    requirePushedAuthorizationRequests: app.requirePushedAuthorizationRequests,
    dpopBoundAccessTokens: app.dpopBoundAccessTokens,
    subjectType: app.subjectType,
    sectorIdentifierUri: app.sectorIdentifierUri ?? '',
    frontchannelLogoutUri: app.frontchannelLogoutUri ?? '',
    frontchannelLogoutSessionRequired: app.frontchannelLogoutSessionRequired,
  };
}

export type SettingsContext = { type: ClientDetail['type']; confidential: boolean; isAdmin: boolean };

/** The non-standard scopes typed in the form, in order, once each. */
export function customScopes(extraScopes: string): string[] {
  return [...new Set(extraScopes.split(/\s+/).filter((s) => s && !STANDARD.has(s)))];
}

/** The descriptions of the scopes still listed; empty ones are left out (users see the default wording). */
export function descriptionsToPatch(values: Pick<SettingsFormValues, 'extraScopes' | 'scopeDescriptions'>): Record<string, string> {
  const kept = customScopes(values.extraScopes)
    .filter((s) => Object.hasOwn(values.scopeDescriptions, s) && values.scopeDescriptions[s]!.trim() !== '')
    .map((s) => [s, values.scopeDescriptions[s]!] as const);
  return Object.fromEntries(kept);
}

/** Response types whose grants are ticked (a code type needs Authorization code), and the grant types with implicit added when one needs it. */
export function flowsToPatch(values: Pick<SettingsFormValues, 'grantTypes' | 'responseTypes'>): Pick<UpdateClientInput, 'grantTypes' | 'responseTypes'> {
  const grants = (values.grantTypes ?? []).filter((g) => g !== IMPLICIT_GRANT);
  const responseTypes = (values.responseTypes ?? []).filter((t) => !grantsNeededBy(t).includes('authorization_code') || grants.includes('authorization_code'));
  const grantTypes = responseTypes.some(isFrontChannelResponseType) ? [...grants, IMPLICIT_GRANT] : grants;
  return { grantTypes: grantTypes as UpdateClientInput['grantTypes'], responseTypes };
}

/** The advanced protocol options a patch carries for this kind of app (components/portal/app-protocol-settings.tsx). */
function protocolToPatch(values: SettingsFormValues, context: SettingsContext): UpdateClientInput {
  const browser = context.type !== 'service';
  return {
    ...(context.confidential
      ? {
          jwks: values.keySource === 'jwks' ? values.jwks : null,
          jwksUri: values.keySource === 'jwksUri' ? values.jwksUri : null,
          tokenEndpointAuthSigningAlg: (usesJwt(values.tokenEndpointAuthMethod) ? values.tokenEndpointAuthSigningAlg : '') as UpdateClientInput['tokenEndpointAuthSigningAlg'],
          requestObjectSigningAlg: values.requestObjectSigningAlg as UpdateClientInput['requestObjectSigningAlg'],
        }
      : {}),
    dpopBoundAccessTokens: values.dpopBoundAccessTokens,
    ...(browser
      ? {
          requirePushedAuthorizationRequests: values.requirePushedAuthorizationRequests,
          subjectType: values.subjectType,
          sectorIdentifierUri: values.sectorIdentifierUri,
          frontchannelLogoutUri: values.frontchannelLogoutUri,
          frontchannelLogoutSessionRequired: values.frontchannelLogoutSessionRequired,
        }
      : {}),
  };
}

export function settingsToPatch(values: SettingsFormValues, context: SettingsContext): UpdateClientInput {
  const ordered = STANDARD_SCOPES.filter((s) => values.standardScopes.includes(s));
  const scope = [...ordered, ...values.extraScopes.split(/\s+/).filter(Boolean)].join(' ');
  const browser = context.type !== 'service';
  return {
    name: values.name,
    description: values.description,
    clientUri: values.clientUri,
    policyUri: values.policyUri,
    tosUri: values.tosUri,
    ...(browser ? { redirectUris: values.redirectUris, postLogoutRedirectUris: values.postLogoutRedirectUris, backchannelLogoutUri: values.backchannelLogoutUri } : {}),
    scope,
    // Only browser apps have users to show them to; a service's descriptions (set through the API) are kept.
    ...(browser ? { scopeDescriptions: descriptionsToPatch(values) } : {}),
    ...(browser ? flowsToPatch(values) : { grantTypes: values.grantTypes as UpdateClientInput['grantTypes'] }),
    refreshTokenRotation: values.refreshTokenRotation,
    accessTokenTtl: Number(values.accessTokenTtl),
    refreshTokenTtl: Number(values.refreshTokenTtl),
    accessTokenFormat: values.accessTokenFormat,
    ...(context.confidential && values.tokenEndpointAuthMethod !== 'none' ? { tokenEndpointAuthMethod: values.tokenEndpointAuthMethod } : {}),
    idTokenAlg: values.idTokenAlg as UpdateClientInput['idTokenAlg'],
    ...(context.isAdmin ? { skipConsent: values.skipConsent } : {}),
    ...protocolToPatch(values, context),
  };
}

/** Patch field → the form field that shows its error. */
export const ERROR_FIELD: Record<string, keyof SettingsFormValues> = { scope: 'extraScopes', idTokenAlg: 'idTokenAlg' };

export const ACCESS_TTL_PRESETS = [300, 900, 1800, 3600, 7200, 21_600, 43_200, 86_400];
export const REFRESH_TTL_PRESETS = [3600, 86_400, 7 * 86_400, 14 * 86_400, 30 * 86_400, 60 * 86_400, 90 * 86_400, 180 * 86_400, 365 * 86_400];
