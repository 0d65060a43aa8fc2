/**
 * Refusals an API sends (RFC 6750 §3): 401 invalid_token for a missing or bad token, 403
 * insufficient_scope for a good token without the scope. The challenge names the API's RFC 9728
 * metadata (§5.1 resource_metadata), which is how MCP clients find the authorization server.
 */
export class InvalidTokenError extends Error {
  readonly status = 401;
  readonly code = 'invalid_token';
}

export class InsufficientScopeError extends Error {
  readonly status = 403;
  readonly code = 'insufficient_scope';
  constructor(readonly scopes: string[]) {
    super(`This request needs the scope${scopes.length > 1 ? 's' : ''} ${scopes.join(' ')}.`);
  }
}

const quoted = (value: string) => `"${value.replace(/["\\]/g, '')}"`;

/** The WWW-Authenticate value for a refusal (or for a request that sent no token: `error` omitted, §3.1). */
export function bearerChallenge(options: { resourceMetadataUrl?: string; error?: InvalidTokenError | InsufficientScopeError }): string {
  const params: string[] = [];
  if (options.resourceMetadataUrl) params.push(`resource_metadata=${quoted(options.resourceMetadataUrl)}`);
  const error = options.error;
  if (error) {
    params.push(`error=${quoted(error.code)}`, `error_description=${quoted(error.message)}`);
    if (error instanceof InsufficientScopeError) params.push(`scope=${quoted(error.scopes.join(' '))}`);
  }
  return params.length ? `Bearer ${params.join(', ')}` : 'Bearer';
}

/** Throws InsufficientScopeError unless the token carries every scope named. */
export function requireScopes(token: { scopes: readonly string[] }, ...needed: string[]): void {
  const missing = needed.filter((s) => !token.scopes.includes(s));
  if (missing.length) throw new InsufficientScopeError(needed);
}
