/**
 * How DPoP refusals look (RFC 9449), by where the proof was sent:
 * - the token endpoint answers RFC 6749 §5.2 JSON, 400: invalid_dpop_proof (§5) and
 *   use_dpop_nonce with a DPoP-Nonce header (§8.1);
 * - a protected resource (userinfo) answers 401 with a DPoP challenge naming the accepted algs
 *   (§7.1): error="invalid_token", "invalid_dpop_proof", or "use_dpop_nonce" with a DPoP-Nonce
 *   header (§9).
 */
import { OAuthError } from './errors.ts';
import { DPOP_SIGNING_ALGS } from './dpop-proof.ts';

export type DpopSite = 'token' | 'resource';

const quoted = (value: string) => `"${value.replace(/["\\]/g, "'")}"`;

/** RFC 9449 §7.1: the DPoP authentication scheme's challenge (no error: the request carried no token). */
export function dpopChallenge(error?: { code: string; description: string }): string {
  const params = [`algs=${quoted(DPOP_SIGNING_ALGS.join(' '))}`];
  if (error) params.push(`error=${quoted(error.code)}`, `error_description=${quoted(error.description)}`);
  return `DPoP ${params.join(', ')}`;
}

function dpopError(site: DpopSite, code: string, description: string, headers: Record<string, string> = {}): OAuthError {
  if (site === 'token') return new OAuthError(code, description, 400, false, undefined, headers);
  return new OAuthError(code, description, 401, false, dpopChallenge({ code, description }), headers);
}

export const invalidDpopProof = (site: DpopSite, description: string) => dpopError(site, 'invalid_dpop_proof', description);

/** RFC 9449 §8.1 (token endpoint), §9 (resource): send the proof again with this nonce. */
export const useDpopNonce = (site: DpopSite, description: string, nonce: string) => dpopError(site, 'use_dpop_nonce', description, { 'dpop-nonce': nonce });

/** RFC 9449 §7.1: a DPoP-bound token presented without its proof, or as a bearer token. */
export const invalidDpopToken = (description: string) => dpopError('resource', 'invalid_token', description);

/** The same error with the response headers of a DPoP request added (a fresh DPoP-Nonce, §8.2). */
export function withHeaders(err: unknown, headers: Record<string, string>): unknown {
  if (!(err instanceof OAuthError)) return err;
  return new OAuthError(err.code, err.description, err.status, err.redirectable, err.wwwAuthenticate, { ...headers, ...err.headers });
}
