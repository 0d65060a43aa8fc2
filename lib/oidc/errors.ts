/**
 * OAuth/OIDC errors: one class, one factory per standard error code.
 *
 * - RFC 6749 §4.1.2.1: authorization errors are redirected to the client, but only when the
 *   client and redirect_uri were validated first; invalid_client / invalid redirect_uri never are.
 * - RFC 6749 §5.2: token endpoint errors are JSON with `error` and `error_description`,
 *   400 by default, 401 with WWW-Authenticate for client authentication failures.
 * - RFC 6750 §3.1: protected resources answer invalid_token with 401 and a Bearer challenge.
 * - OIDC Core §3.1.2.6: login_required, consent_required, interaction_required, ...
 * - HTTP-level refusals keep the RFC 6749 §5.2 body but say what went wrong in the status
 *   (RFC 9110): 405 with Allow for a method the endpoint lacks, 413 for a body over the limit.
 *   A wrong Content-Type stays 400 invalid_request, as RFC 6749 §5.2 and RFC 7591 §3.2.2 specify.
 */
export class OAuthError extends Error {
  constructor(
    readonly code: string,
    readonly description: string,
    readonly status = 400,
    /** Whether this error may be sent to the client's redirect_uri (never for client/redirect problems). */
    readonly redirectable = true,
    readonly wwwAuthenticate?: string,
    /** Further response headers (Allow on a 405). */
    readonly headers: Record<string, string> = {},
  ) {
    super(`${code}: ${description}`);
  }
}

export const invalidRequest = (d: string) => new OAuthError('invalid_request', d);
export const invalidScope = (d: string) => new OAuthError('invalid_scope', d);
export const invalidGrant = (d: string) => new OAuthError('invalid_grant', d);
/** RFC 8707 §2: the resource is invalid, missing, unknown or malformed. */
export const invalidTarget = (d: string) => new OAuthError('invalid_target', d);
export const unsupportedGrantType = (d: string) => new OAuthError('unsupported_grant_type', d);
export const unsupportedResponseType = (d: string) => new OAuthError('unsupported_response_type', d);
export const unauthorizedClient = (d: string) => new OAuthError('unauthorized_client', d);
export const accessDenied = (d: string) => new OAuthError('access_denied', d);
// RFC 8628 §3.5: the device polls the token endpoint while the user decides.
export const authorizationPending = (d: string) => new OAuthError('authorization_pending', d);
export const slowDown = (d: string) => new OAuthError('slow_down', d);
export const expiredToken = (d: string) => new OAuthError('expired_token', d);
export const loginRequired = (d: string) => new OAuthError('login_required', d);
export const consentRequired = (d: string) => new OAuthError('consent_required', d);
// OpenID Connect Core Unmet Authentication Requirements 1.0 §3.
export const unmetAuthenticationRequirements = (d: string) => new OAuthError('unmet_authentication_requirements', d);
export const accountSelectionRequired = (d: string) => new OAuthError('account_selection_required', d);
export const unsupportedTokenType = (d: string) => new OAuthError('unsupported_token_type', d);
export const serverError = () => new OAuthError('server_error', 'The server encountered an unexpected error.', 500);

/** RFC 9110 §15.5.6: `allow` lists the methods the endpoint has. */
export const methodNotAllowed = (d: string, allow: string) => new OAuthError('invalid_request', d, 405, false, undefined, { allow });
/** RFC 9110 §15.5.14 */
export const contentTooLarge = (d: string) => new OAuthError('invalid_request', d, 413, false);

/**
 * RFC 6585 §4: 429 with Retry-After. RFC 6749 has no code for it; temporarily_unavailable
 * (§4.1.2.1) is the registered one whose meaning fits.
 */
export function tooManyRequests(d: string, retryAfterSeconds: number): OAuthError {
  return new OAuthError('temporarily_unavailable', d, 429, false, undefined, { 'retry-after': String(retryAfterSeconds) });
}

/** A request that must never be redirected: unknown client or unregistered redirect_uri (RFC 6749 §4.1.2.1). */
export const invalidAuthorizationRequest = (d: string) => new OAuthError('invalid_request', d, 400, false);

/**
 * RFC 9101 §7 / RFC 9126 §4: the request_uri is unknown, expired, already used or another client's;
 * RFC 9101 §7 / OIDC Core §6.1: the request object does not verify. Never redirected: the redirect_uri
 * the request would be answered at is inside what could not be trusted.
 */
export const invalidRequestUri = (d: string) => new OAuthError('invalid_request_uri', d, 400, false);
export const invalidRequestObject = (d: string) => new OAuthError('invalid_request_object', d, 400, false);
/** OIDC Core §3.1.2.6: a request_uri Portico does not serve (it fetches none; only its own PAR URNs). */
export const requestUriNotSupported = (d: string) => new OAuthError('request_uri_not_supported', d, 400, false);

/** RFC 6749 §5.2: 401 with a challenge when the client tried to authenticate (or must). */
export function invalidClient(d: string, scheme: 'Basic' | null = 'Basic'): OAuthError {
  return new OAuthError('invalid_client', d, 401, false, scheme ? `${scheme} realm="portico", charset="UTF-8"` : undefined);
}

/** RFC 6750 §3.1 */
export function invalidToken(d: string): OAuthError {
  const challenge = `Bearer realm="portico", error="invalid_token", error_description="${d.replace(/"/g, "'")}"`;
  return new OAuthError('invalid_token', d, 401, false, challenge);
}

export function asOAuthError(err: unknown, log: (e: unknown) => void = console.error): OAuthError {
  if (err instanceof OAuthError) return err;
  log(err);
  return serverError();
}

/**
 * What an authorization error code means to the user, for the page shown when the error cannot be
 * sent back to the app on its own (RFC 9700 §4.11.2: inform the user). One sentence each.
 */
const IN_PLAIN_WORDS: Record<string, string> = {
  invalid_request: 'The app sent a sign-in request that is incomplete or malformed.',
  invalid_scope: 'The app asked for permissions that it may not have here.',
  invalid_target: 'The app asked to use an API that it may not use here.',
  unsupported_response_type: 'The app asked for a kind of sign-in that Portico does not support.',
  unauthorized_client: 'The app is not allowed to sign people in this way.',
  access_denied: 'The request was denied.',
  login_required: 'The app asked to sign you in without showing any page, but you are not signed in to Portico.',
  consent_required: 'The app asked to sign you in without showing any page, but you have not allowed it yet.',
  interaction_required: 'The app asked to sign you in without showing any page, but Portico needs to ask you something first.',
  account_selection_required: 'The app asked to sign you in without showing any page, but you need to choose an account first.',
  unmet_authentication_requirements: 'The app asked for a stronger sign-in (such as two-step verification) than your account can give.',
  request_not_supported: 'The app sent its request in a form that Portico does not support.',
  request_uri_not_supported: 'The app sent its request in a form that Portico does not support.',
  invalid_request_uri: 'The sign-in request the app prepared has expired or was already used.',
  invalid_request_object: 'The app sent a signed sign-in request that Portico could not accept.',
  temporarily_unavailable: 'Portico is busy right now.',
  server_error: 'Something went wrong at Portico.',
};

export const errorInPlainWords = (err: OAuthError) => IN_PLAIN_WORDS[err.code] ?? 'The sign-in request cannot be completed.';
