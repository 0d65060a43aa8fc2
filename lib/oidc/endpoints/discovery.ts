/**
 * OpenID Provider metadata (OIDC Discovery §3) and OAuth 2.0 Authorization Server metadata
 * (RFC 8414 §2): exactly what this server supports, nothing more. registration_endpoint is there
 * only while the operator's setting lets someone register (registration-policy.ts), checked per
 * request. Each list comes from the code that decides it: response types and modes
 * (authorization/response-type.ts, response-mode.ts), JWT client authentication algorithms
 * (client-assertion.ts), DPoP proof algorithms (dpop-proof.ts, RFC 9449 §5.1), the user claims
 * (claims.ts), request object algorithms (authorization/request-object.ts: asymmetric only, no
 * encryption). request_uri means only this server's pushed authorization requests (RFC 9126 §4).
 */
import { ACR_VALUES_SUPPORTED } from '../acr.ts';
import { USER_CLAIMS } from '../claims.ts';
import { RESPONSE_MODES } from '../authorization/response-mode.ts';
import { RESPONSE_TYPES } from '../authorization/response-type.ts';
import { REQUEST_OBJECT_SIGNING_ALGS } from '../authorization/request-object.ts';
import { CLIENT_ASSERTION_SIGNING_ALGS } from '../client-assertion.ts';
import { DPOP_SIGNING_ALGS } from '../dpop-proof.ts';
import type { ProviderContext } from '../context.ts';
import { paths } from '../context.ts';
import { DEVICE_CODE_GRANT, DEVICE_PATHS } from '../device-codes.ts';
import { PUBLIC_CORS, publicReadOnly } from '../http/cors.ts';
import { response, type HttpRequest, type HttpResponse } from '../http/message.ts';
import { SIGNING_ALGS } from '../keys.ts';
import { STANDARD_SCOPES } from '../scopes.ts';
import { PROMPTS } from '../authorization/validate-request.ts';
import { registrationPolicy } from '../registration-policy.ts';

export function providerMetadata(issuer: string, registration = false) {
  const url = (path: string) => `${issuer}${path}`;
  // RFC 6749 §2.3.1, RFC 7523 §2.2 (OIDC Core §9), and none for public clients.
  const authMethods = ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt', 'none'];
  const authAlgs = [...CLIENT_ASSERTION_SIGNING_ALGS];
  return {
    issuer,
    authorization_endpoint: url(paths.authorization),
    token_endpoint: url(paths.token),
    userinfo_endpoint: url(paths.userinfo),
    jwks_uri: url(paths.jwks),
    introspection_endpoint: url(paths.introspection),
    revocation_endpoint: url(paths.revocation),
    end_session_endpoint: url(paths.endSession),
    // RFC 8628 §4
    device_authorization_endpoint: url(DEVICE_PATHS.authorization),
    ...(registration ? { registration_endpoint: url(paths.registration) } : {}),
    scopes_supported: [...STANDARD_SCOPES],
    response_types_supported: [...RESPONSE_TYPES],
    response_modes_supported: [...RESPONSE_MODES],
    grant_types_supported: ['authorization_code', 'implicit', 'refresh_token', 'client_credentials', DEVICE_CODE_GRANT],
    // OIDC Core §8 (subject.ts).
    subject_types_supported: ['public', 'pairwise'],
    id_token_signing_alg_values_supported: [...SIGNING_ALGS],
    token_endpoint_auth_methods_supported: authMethods,
    token_endpoint_auth_signing_alg_values_supported: authAlgs,
    introspection_endpoint_auth_methods_supported: authMethods,
    introspection_endpoint_auth_signing_alg_values_supported: authAlgs,
    revocation_endpoint_auth_methods_supported: authMethods,
    revocation_endpoint_auth_signing_alg_values_supported: authAlgs,
    dpop_signing_alg_values_supported: [...DPOP_SIGNING_ALGS],
    code_challenge_methods_supported: ['S256'],
    acr_values_supported: [...ACR_VALUES_SUPPORTED],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'at_hash', 'c_hash', 'azp', 'sid', 'acr', 'amr', ...USER_CLAIMS],
    prompt_values_supported: [...PROMPTS],
    // OIDC Core §5.5 (claims-request.ts).
    claims_parameter_supported: true,
    // RFC 9101, OIDC Core §6: signed request objects; request_uri only for this server's own
    // pushed requests (RFC 9126 §4), so none needs registering.
    request_parameter_supported: true,
    request_uri_parameter_supported: true,
    require_request_uri_registration: false,
    request_object_signing_alg_values_supported: [...REQUEST_OBJECT_SIGNING_ALGS],
    // RFC 9126 §5; require_pushed_authorization_requests is per client (§6).
    pushed_authorization_request_endpoint: url(paths.pushedAuthorizationRequest),
    require_pushed_authorization_requests: false,
    authorization_response_iss_parameter_supported: true,
    // Front-Channel Logout 1.0 §3 (frontchannel-logout.ts).
    frontchannel_logout_supported: true,
    frontchannel_logout_session_supported: true,
    backchannel_logout_supported: true,
    backchannel_logout_session_supported: true,
    // draft-ietf-oauth-client-id-metadata-document §6: an https URL may be the client_id.
    client_id_metadata_document_supported: true,
  };
}

export function discoveryEndpoint(ctx: ProviderContext) {
  const withRegistration = JSON.stringify(providerMetadata(ctx.settings.issuer, true));
  const withoutRegistration = JSON.stringify(providerMetadata(ctx.settings.issuer, false));
  return async function discovery(request: HttpRequest): Promise<HttpResponse> {
    const early = publicReadOnly(request);
    if (early) return early;
    // Without the settings (database unreachable) the document still serves, uncached and without registration.
    const registration = await registrationPolicy(ctx).then((policy) => policy !== null, () => null);
    const body = registration ? withRegistration : withoutRegistration;
    const cache = registration === null ? 'no-store' : 'public, max-age=300';
    return response(200, body, { 'content-type': 'application/json; charset=utf-8', 'cache-control': cache, ...PUBLIC_CORS });
  };
}
