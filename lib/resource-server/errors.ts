/**
 * Refusals an API sends (RFC 6750 §3): 401 invalid_token for a missing or bad token, 403
 * insufficient_scope for a good token without the scope. The challenge names the API's RFC 9728
 * metadata (§5.1 resource_metadata), which is how MCP clients find the authorization server.
 * DPoP-bound tokens and DPoP requests are challenged with the DPoP scheme and the algorithms it
 * accepts (RFC 9449 §7.1), with invalid_dpop_proof for a bad proof.
 */
import { DPOP_SIGNING_ALGS } from '../oidc/dpop-proof.ts';

/** The authentication scheme a refusal challenges with. */
export type AuthScheme = 'Bearer' | 'DPoP';

export class InvalidTokenError extends Error {
  readonly status = 401;
  readonly code: string = 'invalid_token';
  constructor(
    message: string,
    /** DPoP for a DPoP-bound token or a request under the DPoP scheme (RFC 9449 §7.1). */
    readonly scheme: AuthScheme = 'Bearer',
  ) {
    super(message);
  }
}

/** RFC 9449 §7.1: the DPoP proof is missing, invalid, by another key than the token's, or replayed. */
export class InvalidDpopProofError extends InvalidTokenError {
  override readonly code = 'invalid_dpop_proof';
  constructor(message: string) {
    super(message, 'DPoP');
  }
}

export class InsufficientScopeError extends Error {
  readonly status = 403;
  readonly code = 'insufficient_scope';
  constructor(
    readonly scopes: string[],
    readonly scheme: AuthScheme = 'Bearer',
  ) {
    super(`This request needs the scope${scopes.length > 1 ? 's' : ''} ${scopes.join(' ')}.`);
  }
}

type ChallengeOptions = { resourceMetadataUrl?: string; error?: InvalidTokenError | InsufficientScopeError };

const quoted = (value: string) => `"${value.replace(/["\\]/g, '')}"`;

function challengeParams(options: ChallengeOptions): string[] {
  const params: string[] = [];
  if (options.resourceMetadataUrl) params.push(`resource_metadata=${quoted(options.resourceMetadataUrl)}`);
  const error = options.error;
  if (error) {
    params.push(`error=${quoted(error.code)}`, `error_description=${quoted(error.message)}`);
    if (error instanceof InsufficientScopeError) params.push(`scope=${quoted(error.scopes.join(' '))}`);
  }
  return params;
}

/** The WWW-Authenticate value for a refusal (or for a request that sent no token: `error` omitted, §3.1). */
export function bearerChallenge(options: ChallengeOptions): string {
  const params = challengeParams(options);
  return params.length ? `Bearer ${params.join(', ')}` : 'Bearer';
}

/** RFC 9449 §7.1: the DPoP scheme's challenge, naming the algorithms proofs may use. */
export function dpopChallenge(options: ChallengeOptions): string {
  return `DPoP ${[`algs=${quoted(DPOP_SIGNING_ALGS.join(' '))}`, ...challengeParams(options)].join(', ')}`;
}

/**
 * The WWW-Authenticate value for an API that takes bearer and DPoP tokens: the error's own scheme,
 * or both schemes when the request sent no token (omit `error` then, RFC 6750 §3.1).
 */
export function authenticationChallenge(options: ChallengeOptions): string {
  if (!options.error) return `${bearerChallenge(options)}, ${dpopChallenge(options)}`;
  return options.error.scheme === 'DPoP' ? dpopChallenge(options) : bearerChallenge(options);
}

/** Throws InsufficientScopeError unless the token carries every scope named. */
export function requireScopes(token: { scopes: readonly string[]; dpopJkt?: string | null }, ...needed: string[]): void {
  const missing = needed.filter((s) => !token.scopes.includes(s));
  if (missing.length) throw new InsufficientScopeError(needed, token.dpopJkt ? 'DPoP' : 'Bearer');
}
