/**
 * OpenID Provider metadata (OIDC Discovery §3) and OAuth 2.0 Authorization Server metadata
 * (RFC 8414 §2): exactly what this server supports, nothing more. registration_endpoint is there
 * only while the operator's setting lets someone register (registration-policy.ts), checked per
 * request.
 */
import { ACR_VALUES_SUPPORTED } from '../acr.ts';
import type { ProviderContext } from '../context.ts';
import { paths } from '../context.ts';
import { DEVICE_CODE_GRANT, DEVICE_PATHS } from '../device-codes.ts';
import { PUBLIC_CORS, publicReadOnly } from '../http/cors.ts';
import { response, type HttpRequest, type HttpResponse } from '../http/message.ts';
import { SIGNING_ALGS } from '../keys.ts';
import { SCOPE_CLAIMS, STANDARD_SCOPES } from '../scopes.ts';
import { PROMPTS } from '../authorization/validate-request.ts';
import { registrationPolicy } from '../registration-policy.ts';

export function providerMetadata(issuer: string, registration = false) {
  const url = (path: string) => `${issuer}${path}`;
  const authMethods = ['client_secret_basic', 'client_secret_post', 'none'];
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
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials', DEVICE_CODE_GRANT],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [...SIGNING_ALGS],
    token_endpoint_auth_methods_supported: authMethods,
    introspection_endpoint_auth_methods_supported: authMethods,
    revocation_endpoint_auth_methods_supported: authMethods,
    code_challenge_methods_supported: ['S256'],
    acr_values_supported: [...ACR_VALUES_SUPPORTED],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'at_hash', 'azp', 'sid', 'acr', 'amr', ...Object.values(SCOPE_CLAIMS).flat()],
    prompt_values_supported: [...PROMPTS],
    claims_parameter_supported: false,
    request_parameter_supported: false,
    request_uri_parameter_supported: false,
    authorization_response_iss_parameter_supported: true,
    frontchannel_logout_supported: false,
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
