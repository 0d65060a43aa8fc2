/**
 * The protocol options an app may register beyond the basics (the names are RFC 7591 §2's and its
 * extensions'), each field's rule written once in its own file and shared by creation and editing
 * (client.ts, client-update.ts):
 * - response_types: implicit and hybrid flows, off by default (response-types.ts);
 * - jwks / jwks_uri, token_endpoint_auth_signing_alg, request_object_signing_alg: keys and
 *   algorithms for private_key_jwt and client_secret_jwt (jwks.ts, client-auth-method.ts,
 *   client-key-rules.ts);
 * - require_pushed_authorization_requests (RFC 9126 §6): the app's authorization requests must be
 *   pushed first; dpop_bound_access_tokens (RFC 9449 §5.2): its access tokens must be DPoP-bound;
 * - subject_type / sector_identifier_uri (OpenID Connect Core §8, subject-type.ts);
 * - frontchannel_logout_uri / frontchannel_logout_session_required (OpenID Connect Front-Channel
 *   Logout 1.0 §2, frontchannel-logout-uri.ts).
 * The rules between fields run on the app as it will be: on creation the request with the type's
 * defaults, on an edit the stored values with the patch over them (`current`).
 */
import { z } from 'zod';
import type { ClientKind } from '../oidc/redirect-uri.ts';
import { requestObjectSigningAlgField, tokenEndpointAuthSigningAlgField } from './client-auth-method.ts';
import { assertionAlgAfter, checkKeyRules } from './client-key-rules.ts';
import { checkFrontchannelLogoutUri, frontchannelLogoutSessionRequiredField, frontchannelLogoutUriField } from './frontchannel-logout-uri.ts';
import { jwksField, type JwkSet } from './jwks.ts';
import { publicHttpsUrlField } from './public-https-url.ts';
import { checkResponseTypes, responseTypesField } from './response-types.ts';
import { checkSubjectRules, sectorIdentifierUriField, subjectTypeField } from './subject-type.ts';

export const jwksUriField = publicHttpsUrlField({ label: 'JWK Set URL (jwks_uri)', example: 'https://app.example.com/jwks.json', action: 'fetch keys' });

export const protocolFields = {
  responseTypes: responseTypesField.optional(),
  jwks: jwksField.optional(),
  jwksUri: jwksUriField.optional(),
  tokenEndpointAuthSigningAlg: tokenEndpointAuthSigningAlgField.optional(),
  requestObjectSigningAlg: requestObjectSigningAlgField.optional(),
  requirePushedAuthorizationRequests: z.boolean({ error: 'Require pushed authorization requests must be true or false.' }).optional(),
  dpopBoundAccessTokens: z.boolean({ error: 'DPoP-bound access tokens must be true or false.' }).optional(),
  subjectType: subjectTypeField.optional(),
  sectorIdentifierUri: sectorIdentifierUriField.optional(),
  frontchannelLogoutUri: frontchannelLogoutUriField.optional(),
  frontchannelLogoutSessionRequired: frontchannelLogoutSessionRequiredField.optional(),
};

/** The fields the rules between fields read, as validated input gives them. */
export type ProtocolRuleFields = {
  grantTypes?: string[];
  redirectUris?: string[];
  tokenEndpointAuthMethod?: string;
  responseTypes?: string[];
  jwks?: JwkSet | null;
  jwksUri?: string | null;
  tokenEndpointAuthSigningAlg?: string | null;
  requestObjectSigningAlg?: string | null;
  subjectType?: string;
  sectorIdentifierUri?: string | null;
  frontchannelLogoutUri?: string | null;
};

/** What a new app has for the fields a creation leaves out (client-defaults.ts gives the rest). */
export const creationBaseline = (type: ClientKind): ProtocolRuleFields => ({
  tokenEndpointAuthMethod: type === 'spa' || type === 'native' ? 'none' : 'client_secret_basic',
  redirectUris: [],
  jwks: null,
  jwksUri: null,
  tokenEndpointAuthSigningAlg: null,
  requestObjectSigningAlg: null,
  subjectType: 'public',
  sectorIdentifierUri: null,
});

/**
 * `request`: the validated fields of a creation or a patch; `current`: the app before an edit (or
 * creationBaseline for a creation; undefined when unknown, e.g. a form checking only what it sends).
 */
export function checkProtocolRules(type: ClientKind, request: ProtocolRuleFields, current: ProtocolRuleFields | undefined, ctx: z.RefinementCtx): void {
  const after = <K extends keyof ProtocolRuleFields>(field: K): ProtocolRuleFields[K] => (request[field] !== undefined ? request[field] : current?.[field]);
  checkResponseTypes(type, { named: request.responseTypes, grantTypes: after('grantTypes'), stored: current?.responseTypes }, ctx);
  checkKeyRules(
    {
      tokenEndpointAuthMethod: after('tokenEndpointAuthMethod'),
      jwks: after('jwks'),
      jwksUri: after('jwksUri'),
      tokenEndpointAuthSigningAlg: assertionAlgAfter(request, current),
      requestObjectSigningAlg: after('requestObjectSigningAlg'),
    },
    ctx,
  );
  checkSubjectRules(type, { subjectType: after('subjectType'), sectorIdentifierUri: after('sectorIdentifierUri'), redirectUris: after('redirectUris') }, ctx);
  checkFrontchannelLogoutUri(type, request.frontchannelLogoutUri, ctx);
}

/** Skip the rules between fields when a field they read is itself unusable (report everything else at once). */
export const PROTOCOL_RULE_FIELDS = [
  'type', 'grantTypes', 'redirectUris', 'tokenEndpointAuthMethod', 'responseTypes', 'jwks', 'jwksUri', 'tokenEndpointAuthSigningAlg',
  'requestObjectSigningAlg', 'subjectType', 'sectorIdentifierUri', 'frontchannelLogoutUri',
];
export const protocolRulesApply = ({ issues }: { issues: { path?: PropertyKey[] }[] }) => !issues.some((i) => PROTOCOL_RULE_FIELDS.includes(String(i.path?.[0])));
