/**
 * Validation problems as RFC 7591 §3.2.2 errors: `invalid_redirect_uri` when any redirect URI
 * (redirect_uris or post_logout_redirect_uris) is at fault, the more specific code; otherwise
 * `invalid_client_metadata`. error_description names each field by its metadata name
 * ("redirect_uris[1]: …"), whatever the internal field it was checked as.
 */
export type MetadataErrorCode = 'invalid_redirect_uri' | 'invalid_client_metadata';
export type MetadataError = { error: MetadataErrorCode; error_description: string };
export type Issue = { path: readonly PropertyKey[]; message: string };

/** Internal input fields (lib/validation/client*.ts) → their metadata names on the wire. */
export const METADATA_NAME: Record<string, string> = {
  name: 'client_name',
  type: 'portico_app_type',
  redirectUris: 'redirect_uris',
  postLogoutRedirectUris: 'post_logout_redirect_uris',
  grantTypes: 'grant_types',
  scope: 'scope',
  tokenEndpointAuthMethod: 'token_endpoint_auth_method',
  idTokenAlg: 'id_token_signed_response_alg',
  description: 'description',
  scopeDescriptions: 'scope_descriptions',
  logoUri: 'logo_uri',
  clientUri: 'client_uri',
  policyUri: 'policy_uri',
  tosUri: 'tos_uri',
  backchannelLogoutUri: 'backchannel_logout_uri',
  accessTokenFormat: 'access_token_format',
  accessTokenTtl: 'access_token_ttl',
  refreshTokenTtl: 'refresh_token_ttl',
  refreshTokenRotation: 'refresh_token_rotation',
  skipConsent: 'skip_consent',
  gracePeriodSeconds: 'grace_period_seconds',
  responseTypes: 'response_types',
  jwks: 'jwks',
  jwksUri: 'jwks_uri',
  tokenEndpointAuthSigningAlg: 'token_endpoint_auth_signing_alg',
  requestObjectSigningAlg: 'request_object_signing_alg',
  requirePushedAuthorizationRequests: 'require_pushed_authorization_requests',
  dpopBoundAccessTokens: 'dpop_bound_access_tokens',
  subjectType: 'subject_type',
  sectorIdentifierUri: 'sector_identifier_uri',
  frontchannelLogoutUri: 'frontchannel_logout_uri',
  frontchannelLogoutSessionRequired: 'frontchannel_logout_session_required',
};

const REDIRECT_FIELDS = new Set(['redirect_uris', 'post_logout_redirect_uris']);

/** ['redirectUris', 1] → "redirect_uris[1]"; names already on the wire pass through. */
export function fieldName(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path;
  if (head === undefined) return '';
  const name = METADATA_NAME[String(head)] ?? String(head);
  return name + rest.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

export function metadataError(issues: readonly Issue[]): MetadataError {
  const redirect = issues.some((i) => REDIRECT_FIELDS.has(fieldName(i.path.slice(0, 1))));
  const description = issues.map((i) => (i.path.length ? `${fieldName(i.path)}: ${i.message}` : i.message)).join('; ');
  return { error: redirect ? 'invalid_redirect_uri' : 'invalid_client_metadata', error_description: description || 'The client metadata is not valid.' };
}
