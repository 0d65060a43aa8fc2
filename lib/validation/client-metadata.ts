/**
 * Client metadata on the wire (RFC 7591 §2, OpenID Connect Dynamic Registration §2, RP-Initiated
 * Logout §3.1) ↔ Portico's client input (client.ts, client-update.ts). Used by the REST API
 * (/api/v1/clients) and by dynamic registration (/oauth/register). Framework-free.
 *
 * These schemas check only shapes; the rules (redirect URIs, lifetimes, …) run once, in the
 * input schemas, and their errors come back under these names (client-metadata-errors.ts).
 *
 * Application type. OIDC's `application_type` is only "web" | "native"; Portico has four types, so
 * the extension `portico_app_type` ("web" | "spa" | "native" | "service") names one. Without it:
 *   1. grant_types exactly ["client_credentials"]  → service  (RFC 6749 §4.4, no user)
 *   2. application_type "native"                   → native
 *   3. token_endpoint_auth_method "none" with the device grant → native (RFC 8628: a public
 *      client on a device without a usable browser)
 *   4. token_endpoint_auth_method "none"           → spa      (a public client in a browser)
 *   5. otherwise                                   → web      (OIDC's default application_type)
 * Contradictions (portico_app_type "spa" with application_type "native", "none" for a web or
 * service app — a type rule in client.ts) are invalid_client_metadata.
 *
 * Protocol options (client-protocol-fields.ts) keep their standard names: response_types, jwks,
 * jwks_uri, token_endpoint_auth_signing_alg, request_object_signing_alg (OIDC Dynamic Registration
 * §2), require_pushed_authorization_requests (RFC 9126 §6), dpop_bound_access_tokens (RFC 9449
 * §5.2), subject_type, sector_identifier_uri, frontchannel_logout_uri and
 * frontchannel_logout_session_required (OIDC Front-Channel Logout §2).
 *
 * Portico's own fields (no standard name): description, scope_descriptions (scope-descriptions.ts),
 * access_token_format, access_token_ttl, refresh_token_ttl, refresh_token_rotation, skip_consent, disabled; and, in responses only,
 * verified (set by the operator with the CLI). Like every field these schemas do not name, a
 * `verified` sent in a body is dropped by the parse: no body can make an app verified.
 */
import { z } from 'zod';
import { DEVICE_CODE_GRANT } from '../oidc/device-codes.ts';
import type { ClientKind } from '../oidc/redirect-uri.ts';
import type { CreateClientInput } from './client.ts';
import { ACCESS_TOKEN_FORMATS, AUTH_METHODS, CLIENT_TYPES, createClientSchema, ID_TOKEN_ALGS } from './client.ts';
import type { UpdateClientInput } from './client-update.ts';
import { updateClientSchema } from './client-update.ts';
import { metadataError, type MetadataError } from './client-metadata-errors.ts';

const text = (field: string) => z.string({ error: `${field} must be a string.` });
const textList = (field: string) => z.array(text(`Each of ${field}`), { error: `${field} must be an array of strings.` });
const nullableUri = (field: string) => text(field).nullable().optional();

const shared = {
  redirect_uris: textList('redirect_uris').optional(),
  post_logout_redirect_uris: textList('post_logout_redirect_uris').optional(),
  grant_types: textList('grant_types').optional(),
  response_types: textList('response_types').optional(),
  token_endpoint_auth_method: z.enum(AUTH_METHODS, { error: `token_endpoint_auth_method must be one of ${AUTH_METHODS.join(', ')}.` }).optional(),
  scope: text('scope').optional(),
  logo_uri: nullableUri('logo_uri'),
  client_uri: nullableUri('client_uri'),
  policy_uri: nullableUri('policy_uri'),
  tos_uri: nullableUri('tos_uri'),
  /** OpenID Connect Back-Channel Logout 1.0 §2.2. */
  backchannel_logout_uri: nullableUri('backchannel_logout_uri'),
  description: text('description').nullable().optional(),
  scope_descriptions: z
    .record(z.string(), text('Each value of scope_descriptions'), { error: 'scope_descriptions must be an object of scope → description.' })
    .nullable()
    .optional()
    .describe(
      'Portico extension (RFC 7591 §2): for each of your own API scopes in `scope`, the line users see on the consent screen, ' +
        'e.g. {"invoices:read": "See and download your invoices"}. 1–120 characters, one line, starting with a letter. ' +
        'Standard OpenID Connect scopes are described by Portico and cannot be listed. Without a description users see ' +
        '`Use the "<scope>" permission`. Replaces all descriptions; null or {} removes them.',
    ),
  id_token_signed_response_alg: z.enum(ID_TOKEN_ALGS, { error: `id_token_signed_response_alg must be ${ID_TOKEN_ALGS.join(', ')}.` }).optional(),
  access_token_format: z.enum(ACCESS_TOKEN_FORMATS, { error: 'access_token_format must be opaque or jwt.' }).optional(),
  refresh_token_rotation: z.boolean({ error: 'refresh_token_rotation must be true or false.' }).optional(),
  /** RFC 7591 §2: the client's public keys by value (a JWK Set) or by URL; at most one of them. */
  jwks: z
    .object({ keys: z.array(z.record(z.string(), z.unknown()), { error: 'jwks.keys must be an array of JWKs.' }) }, { error: 'jwks must be a JWK Set: an object with a "keys" array.' })
    .nullable()
    .optional()
    .describe('Your public keys (RFC 7517 JWK Set), for private_key_jwt and signed request objects. Public keys only: a private key is refused. null removes them.'),
  jwks_uri: nullableUri('jwks_uri'),
  /** OpenID Connect Dynamic Client Registration §2. */
  token_endpoint_auth_signing_alg: text('token_endpoint_auth_signing_alg').nullable().optional(),
  request_object_signing_alg: text('request_object_signing_alg').nullable().optional(),
  /** RFC 9126 §6. */
  require_pushed_authorization_requests: z.boolean({ error: 'require_pushed_authorization_requests must be true or false.' }).optional(),
  /** RFC 9449 §5.2. */
  dpop_bound_access_tokens: z.boolean({ error: 'dpop_bound_access_tokens must be true or false.' }).optional(),
  /** OpenID Connect Dynamic Client Registration §2 (OpenID Connect Core §8). */
  subject_type: text('subject_type').optional(),
  sector_identifier_uri: nullableUri('sector_identifier_uri'),
  /** OpenID Connect Front-Channel Logout 1.0 §2. */
  frontchannel_logout_uri: nullableUri('frontchannel_logout_uri'),
  frontchannel_logout_session_required: z.boolean({ error: 'frontchannel_logout_session_required must be true or false.' }).optional(),
};

/** POST body: a new client. */
export const clientRegistrationSchema = z.object({
  client_name: text('client_name'),
  application_type: z.enum(['web', 'native'], { error: 'application_type must be web or native.' }).optional(),
  portico_app_type: z.enum(CLIENT_TYPES, { error: `portico_app_type must be ${CLIENT_TYPES.join(', ')}.` }).optional(),
  ...shared,
});
export type ClientRegistration = z.infer<typeof clientRegistrationSchema>;

/** PATCH body: any subset; the type cannot change. null clears an optional URI or the description. */
export const clientUpdateSchema = z.object({
  client_name: text('client_name').optional(),
  ...shared,
  access_token_ttl: z.number({ error: 'access_token_ttl must be a number of seconds.' }).optional(),
  refresh_token_ttl: z.number({ error: 'refresh_token_ttl must be a number of seconds.' }).optional(),
  skip_consent: z.boolean({ error: 'skip_consent must be true or false.' }).optional(),
  disabled: z.boolean({ error: 'disabled must be true or false.' }).optional(),
});
export type ClientUpdate = z.infer<typeof clientUpdateSchema>;

type Parsed<T> = { ok: true; value: T } | { ok: false; error: MetadataError };

/** The application type a registration asks for, by the rule in this file's header. */
export function inferAppType(meta: Pick<ClientRegistration, 'portico_app_type' | 'application_type' | 'grant_types' | 'token_endpoint_auth_method'>): ClientKind {
  if (meta.portico_app_type) return meta.portico_app_type;
  if (meta.grant_types?.length && meta.grant_types.every((g) => g === 'client_credentials')) return 'service';
  if (meta.application_type === 'native') return 'native';
  if (meta.token_endpoint_auth_method === 'none') return meta.grant_types?.includes(DEVICE_CODE_GRANT) ? 'native' : 'spa';
  return 'web';
}

/** A registration body → the input createClient / createTeamClient take, fully validated. */
export function parseClientRegistration(body: unknown): Parsed<CreateClientInput> {
  const shape = clientRegistrationSchema.safeParse(body);
  if (!shape.success) return { ok: false, error: metadataError(shape.error.issues) };
  const meta = shape.data;
  const type = inferAppType(meta);
  const problem = typeConflict(meta, type);
  if (problem) return { ok: false, error: { error: 'invalid_client_metadata', error_description: problem } };
  const input: CreateClientInput = { name: meta.client_name, type, ...commonInput(meta) };
  const checked = createClientSchema.safeParse(input);
  return checked.success ? { ok: true, value: input } : { ok: false, error: metadataError(checked.error.issues) };
}

/**
 * A PATCH body → the patch updateClient takes, plus `disabled` (setClientDisabled). The rules that
 * depend on the app's type run in updateClient; map its ValidationError with metadataError.
 */
export function parseClientUpdate(body: unknown): Parsed<{ patch: UpdateClientInput; disabled?: boolean }> {
  const shape = clientUpdateSchema.safeParse(body);
  if (!shape.success) return { ok: false, error: metadataError(shape.error.issues) };
  const meta = shape.data;
  const patch: UpdateClientInput = {
    ...commonInput(meta),
    ...defined({
      name: meta.client_name, accessTokenTtl: meta.access_token_ttl, refreshTokenTtl: meta.refresh_token_ttl, skipConsent: meta.skip_consent,
    }),
  };
  const checked = updateClientSchema.safeParse(patch);
  if (!checked.success) return { ok: false, error: metadataError(checked.error.issues) };
  return { ok: true, value: { patch, ...(meta.disabled === undefined ? {} : { disabled: meta.disabled }) } };
}

function typeConflict(meta: ClientRegistration, type: ClientKind): string | null {
  if (meta.application_type === 'native' && type !== 'native') return `application_type native contradicts portico_app_type ${type}.`;
  if (meta.application_type === 'web' && type === 'native') return 'application_type web contradicts portico_app_type native.';
  return null;
}

type Common = Omit<ClientRegistration, 'client_name' | 'application_type' | 'portico_app_type'>;

function commonInput(meta: Common) {
  return defined({
    redirectUris: meta.redirect_uris,
    postLogoutRedirectUris: meta.post_logout_redirect_uris,
    grantTypes: meta.grant_types as CreateClientInput['grantTypes'],
    tokenEndpointAuthMethod: meta.token_endpoint_auth_method,
    scope: meta.scope,
    logoUri: meta.logo_uri,
    clientUri: meta.client_uri,
    policyUri: meta.policy_uri,
    tosUri: meta.tos_uri,
    backchannelLogoutUri: meta.backchannel_logout_uri,
    description: meta.description,
    scopeDescriptions: meta.scope_descriptions === null ? {} : meta.scope_descriptions,
    idTokenAlg: meta.id_token_signed_response_alg,
    accessTokenFormat: meta.access_token_format,
    refreshTokenRotation: meta.refresh_token_rotation,
    // Response types against grant types (RFC 7591 §2.1) and the other rules run in the input schemas.
    responseTypes: meta.response_types,
    jwks: meta.jwks,
    jwksUri: meta.jwks_uri,
    tokenEndpointAuthSigningAlg: meta.token_endpoint_auth_signing_alg as CreateClientInput['tokenEndpointAuthSigningAlg'],
    requestObjectSigningAlg: meta.request_object_signing_alg as CreateClientInput['requestObjectSigningAlg'],
    requirePushedAuthorizationRequests: meta.require_pushed_authorization_requests,
    dpopBoundAccessTokens: meta.dpop_bound_access_tokens,
    subjectType: meta.subject_type as CreateClientInput['subjectType'],
    sectorIdentifierUri: meta.sector_identifier_uri,
    frontchannelLogoutUri: meta.frontchannel_logout_uri,
    frontchannelLogoutSessionRequired: meta.frontchannel_logout_session_required,
  });
}

function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
