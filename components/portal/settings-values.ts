/**
 * The app settings form's values and how they become an update patch. The form splits `scope`
 * into the standard OIDC scopes (checkboxes) and any others (a text field); everything else maps
 * one to one onto UpdateClientInput, so the shared updateClientSchemaFor(type) checks it.
 */
import { STANDARD_SCOPES } from '@/lib/oidc/scopes';
import type { ClientDetail } from '@/lib/portal/types';
import type { UpdateClientInput } from '@/lib/validation/client-update';

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
  grantTypes: string[];
  refreshTokenRotation: boolean;
  accessTokenTtl: number;
  refreshTokenTtl: number;
  accessTokenFormat: 'opaque' | 'jwt';
  tokenEndpointAuthMethod: 'client_secret_basic' | 'client_secret_post' | 'none';
  idTokenAlg: string;
  skipConsent: boolean;
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
    grantTypes: [...app.grantTypes],
    refreshTokenRotation: app.refreshTokenRotation,
    accessTokenTtl: app.accessTokenTtl,
    refreshTokenTtl: app.refreshTokenTtl,
    accessTokenFormat: app.accessTokenFormat,
    tokenEndpointAuthMethod: app.tokenEndpointAuthMethod,
    idTokenAlg: app.idTokenSignedResponseAlg,
    skipConsent: app.skipConsent,
  };
}

export type SettingsContext = { type: ClientDetail['type']; confidential: boolean; isAdmin: boolean };

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
    grantTypes: values.grantTypes as UpdateClientInput['grantTypes'],
    refreshTokenRotation: values.refreshTokenRotation,
    accessTokenTtl: Number(values.accessTokenTtl),
    refreshTokenTtl: Number(values.refreshTokenTtl),
    accessTokenFormat: values.accessTokenFormat,
    ...(context.confidential && values.tokenEndpointAuthMethod !== 'none' ? { tokenEndpointAuthMethod: values.tokenEndpointAuthMethod } : {}),
    idTokenAlg: values.idTokenAlg as UpdateClientInput['idTokenAlg'],
    ...(context.isAdmin ? { skipConsent: values.skipConsent } : {}),
  };
}

/** Patch field → the form field that shows its error. */
export const ERROR_FIELD: Record<string, keyof SettingsFormValues> = { scope: 'extraScopes', idTokenAlg: 'idTokenAlg' };

export const ACCESS_TTL_PRESETS = [300, 900, 1800, 3600, 7200, 21_600, 43_200, 86_400];
export const REFRESH_TTL_PRESETS = [3600, 86_400, 7 * 86_400, 14 * 86_400, 30 * 86_400, 60 * 86_400, 90 * 86_400, 180 * 86_400, 365 * 86_400];
