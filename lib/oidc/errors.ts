/**
 * OAuth/OIDC errors: one class, one factory per standard error code.
 *
 * - RFC 6749 §4.1.2.1: authorization errors are redirected to the client, but only when the
 *   client and redirect_uri were validated first; invalid_client / invalid redirect_uri never are.
 * - RFC 6749 §5.2: token endpoint errors are JSON with `error` and `error_description`,
 *   400 by default, 401 with WWW-Authenticate for client authentication failures.
 * - RFC 6750 §3.1: protected resources answer invalid_token with 401 and a Bearer challenge.
 * - OIDC Core §3.1.2.6: login_required, consent_required, interaction_required, ...
 */
export class OAuthError extends Error {
  constructor(
    readonly code: string,
    readonly description: string,
    readonly status = 400,
    /** Whether this error may be sent to the client's redirect_uri (never for client/redirect problems). */
    readonly redirectable = true,
    readonly wwwAuthenticate?: string,
  ) {
    super(`${code}: ${description}`);
  }
}

export const invalidRequest = (d: string) => new OAuthError('invalid_request', d);
export const invalidScope = (d: string) => new OAuthError('invalid_scope', d);
export const invalidGrant = (d: string) => new OAuthError('invalid_grant', d);
export const unsupportedGrantType = (d: string) => new OAuthError('unsupported_grant_type', d);
export const unsupportedResponseType = (d: string) => new OAuthError('unsupported_response_type', d);
export const unauthorizedClient = (d: string) => new OAuthError('unauthorized_client', d);
export const accessDenied = (d: string) => new OAuthError('access_denied', d);
export const loginRequired = (d: string) => new OAuthError('login_required', d);
export const consentRequired = (d: string) => new OAuthError('consent_required', d);
// OpenID Connect Core Unmet Authentication Requirements 1.0 §3.
export const unmetAuthenticationRequirements = (d: string) => new OAuthError('unmet_authentication_requirements', d);
export const accountSelectionRequired = (d: string) => new OAuthError('account_selection_required', d);
export const unsupportedTokenType = (d: string) => new OAuthError('unsupported_token_type', d);
export const serverError = () => new OAuthError('server_error', 'The server encountered an unexpected error.', 500);

/** A request that must never be redirected: unknown client or unregistered redirect_uri (RFC 6749 §4.1.2.1). */
export const invalidAuthorizationRequest = (d: string) => new OAuthError('invalid_request', d, 400, false);

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
