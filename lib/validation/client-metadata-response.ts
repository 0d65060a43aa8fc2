/**
 * A client as metadata on the wire (RFC 7591 §3.2.1: the response carries every registered field;
 * client_secret only when just issued, with client_secret_expires_at 0 = does not expire).
 * The zod schema documents the shape (OpenAPI); toClientMetadata builds it.
 */
import { z } from 'zod';
import type { ClientKind } from '../oidc/redirect-uri.ts';
import { AUTH_METHODS, CLIENT_TYPES } from './client.ts';
import type { JwkSet } from './jwks.ts';
import { RESPONSE_TYPES, shownResponseTypes } from './response-types.ts';
import { SUBJECT_TYPES } from './subject-type.ts';

const seconds = z.number().int().describe('Seconds since the Unix epoch');

export const secretMetadataSchema = z.object({
  id: z.string(),
  last4: z.string().nullable().describe('Last four characters; null for viewers'),
  status: z.enum(['active', 'expiring', 'expired', 'revoked']),
  created_at: seconds,
  expires_at: seconds.nullable(),
  revoked_at: seconds.nullable(),
});

export const clientMetadataResponseSchema = z.object({
  client_id: z.string(),
  client_secret: z.string().optional().describe('Only in the response that created or rotated it; never again'),
  client_secret_expires_at: z.literal(0).optional(),
  client_id_issued_at: seconds,
  created_at: seconds,
  team_id: z.string().nullable(),
  client_name: z.string(),
  portico_app_type: z.enum(CLIENT_TYPES),
  application_type: z.enum(['web', 'native']),
  redirect_uris: z.array(z.string()),
  post_logout_redirect_uris: z.array(z.string()),
  grant_types: z.array(z.string()),
  response_types: z.array(z.enum(RESPONSE_TYPES)).describe('"code" unless the app registered implicit or hybrid response types; [] for a service'),
  token_endpoint_auth_method: z.enum(AUTH_METHODS),
  scope: z.string(),
  id_token_signed_response_alg: z.string(),
  description: z.string().optional(),
  scope_descriptions: z
    .record(z.string(), z.string())
    .optional()
    .describe('Portico extension: what users see for each of your own API scopes on the consent screen; absent when none are set'),
  logo_uri: z.string().optional(),
  client_uri: z.string().optional(),
  policy_uri: z.string().optional(),
  tos_uri: z.string().optional(),
  backchannel_logout_uri: z.string().optional(),
  jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).optional().describe('The public keys registered by value; absent when none'),
  jwks_uri: z.string().optional(),
  token_endpoint_auth_signing_alg: z.string().optional().describe('Absent: any algorithm Portico supports for the method'),
  request_object_signing_alg: z.string().optional(),
  require_pushed_authorization_requests: z.boolean(),
  dpop_bound_access_tokens: z.boolean(),
  subject_type: z.enum(SUBJECT_TYPES),
  sector_identifier_uri: z.string().optional(),
  frontchannel_logout_uri: z.string().optional(),
  frontchannel_logout_session_required: z.boolean(),
  access_token_format: z.enum(['opaque', 'jwt']),
  access_token_ttl: z.number().int(),
  refresh_token_ttl: z.number().int(),
  refresh_token_rotation: z.boolean(),
  skip_consent: z.boolean(),
  disabled: z.boolean(),
  verified: z.boolean().describe('Read-only: the operator of this Portico has checked who runs the app (set with `portico client verify`)'),
  secrets: z.array(secretMetadataSchema).optional().describe('Secret metadata (never the secrets); on single-app reads'),
});
export type ClientMetadataResponse = z.infer<typeof clientMetadataResponseSchema>;

/** What toClientMetadata reads: a portal ClientDetail fits, and so does the CLI's CreatedClient. */
export type ClientMetadataSource = {
  id: string; name: string; type: ClientKind; tokenEndpointAuthMethod: string; redirectUris: string[]; postLogoutRedirectUris: string[];
  grantTypes: string[]; scope: string; accessTokenFormat: 'opaque' | 'jwt'; idTokenSignedResponseAlg: string; accessTokenTtl: number;
  refreshTokenTtl: number; createdAt: Date; team?: { id: string } | null; description?: string | null; logoUri?: string | null;
  clientUri?: string | null; policyUri?: string | null; tosUri?: string | null; backchannelLogoutUri?: string | null; refreshTokenRotation?: boolean; skipConsent?: boolean;
  disabled?: boolean; verified?: boolean; scopeDescriptions?: Record<string, string>;
  /** Issue 11's protocol options; absent (rows read before them) means their defaults. */
  responseTypes?: string[]; jwks?: JwkSet | null; jwksUri?: string | null; tokenEndpointAuthSigningAlg?: string | null;
  requestObjectSigningAlg?: string | null; requirePushedAuthorizationRequests?: boolean; dpopBoundAccessTokens?: boolean;
  subjectType?: string; sectorIdentifierUri?: string | null; frontchannelLogoutUri?: string | null; frontchannelLogoutSessionRequired?: boolean;
  secrets?: { id: string; last4: string | null; status: z.infer<typeof secretMetadataSchema>['status']; createdAt: Date; expiresAt: Date | null; revokedAt: Date | null }[];
};

export const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
const epochOrNull = (date: Date | null) => (date ? epochSeconds(date) : null);

export function toClientMetadata(client: ClientMetadataSource, options: { clientSecret?: string | null; withSecrets?: boolean } = {}): ClientMetadataResponse {
  const issuedAt = epochSeconds(client.createdAt);
  const optional = {
    description: client.description, logo_uri: client.logoUri, client_uri: client.clientUri, policy_uri: client.policyUri, tos_uri: client.tosUri,
    backchannel_logout_uri: client.backchannelLogoutUri, jwks: client.jwks, jwks_uri: client.jwksUri, token_endpoint_auth_signing_alg: client.tokenEndpointAuthSigningAlg,
    request_object_signing_alg: client.requestObjectSigningAlg, sector_identifier_uri: client.sectorIdentifierUri, frontchannel_logout_uri: client.frontchannelLogoutUri,
  };
  return {
    client_id: client.id,
    ...(options.clientSecret ? { client_secret: options.clientSecret, client_secret_expires_at: 0 as const } : {}),
    client_id_issued_at: issuedAt,
    created_at: issuedAt,
    team_id: client.team?.id ?? null,
    client_name: client.name,
    portico_app_type: client.type,
    application_type: client.type === 'native' ? 'native' : 'web',
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris,
    grant_types: client.grantTypes,
    response_types: shownResponseTypes(client.responseTypes ?? ['code'], client.grantTypes) as ClientMetadataResponse['response_types'],
    token_endpoint_auth_method: client.tokenEndpointAuthMethod as ClientMetadataResponse['token_endpoint_auth_method'],
    scope: client.scope,
    id_token_signed_response_alg: client.idTokenSignedResponseAlg,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v)),
    ...(client.scopeDescriptions && Object.keys(client.scopeDescriptions).length ? { scope_descriptions: client.scopeDescriptions } : {}),
    access_token_format: client.accessTokenFormat,
    access_token_ttl: client.accessTokenTtl,
    refresh_token_ttl: client.refreshTokenTtl,
    refresh_token_rotation: client.refreshTokenRotation ?? true,
    require_pushed_authorization_requests: client.requirePushedAuthorizationRequests ?? false,
    dpop_bound_access_tokens: client.dpopBoundAccessTokens ?? false,
    subject_type: client.subjectType === 'pairwise' ? 'pairwise' : 'public',
    frontchannel_logout_session_required: client.frontchannelLogoutSessionRequired ?? false,
    skip_consent: client.skipConsent ?? false,
    disabled: client.disabled ?? false,
    verified: client.verified ?? false,
    ...(options.withSecrets && client.secrets ? { secrets: client.secrets.map(toSecretMetadata) } : {}),
  };
}

export function toSecretMetadata(s: NonNullable<ClientMetadataSource['secrets']>[number]): z.infer<typeof secretMetadataSchema> {
  return { id: s.id, last4: s.last4, status: s.status, created_at: epochSeconds(s.createdAt), expires_at: epochOrNull(s.expiresAt), revoked_at: epochOrNull(s.revokedAt) };
}
