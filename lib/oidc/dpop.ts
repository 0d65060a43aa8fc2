/**
 * DPoP at Portico's own endpoints (RFC 9449): the token endpoint (§5) and userinfo (§7).
 * - A proof passes the checks of lib/oidc/dpop-proof.ts (§4.3) against the endpoint's published
 *   URL (its htu is `<issuer><path>`, what discovery tells clients).
 * - A server nonce is always required (§8 at the token endpoint, §9 at userinfo): without one, or
 *   with one that has aged out, the answer is use_dpop_nonce with a fresh DPoP-Nonce. Nonces are
 *   stateless (lib/oidc/dpop-nonce.ts). openid-client and other RFC 9449 clients retry on their own.
 * - Each proof is used once (§11.1): its jti, scoped by the key's thumbprint, is remembered for as
 *   long as the proof's iat would still be accepted, across instances (ctx.stores.usedJtis) — and
 *   only for requests that carry a proof.
 * - Every response to a request with a proof carries a fresh DPoP-Nonce (§8.2).
 */
import type { ProviderContext } from './context.ts';
import { invalidDpopProof, useDpopNonce, type DpopSite } from './dpop-errors.ts';
import { createDpopNonces } from './dpop-nonce.ts';
import { checkDpopProof, DPOP_MAX_AGE_S, DpopProofError, singleDpopHeader } from './dpop-proof.ts';
import type { HttpRequest } from './http/message.ts';
import { nowSeconds } from './tokens.ts';

/** A verified proof: the key (RFC 7638 thumbprint) the request's tokens are, or must be, bound to. */
export type DpopProof = { jkt: string };

export type DpopCheck = {
  site: DpopSite;
  /** The endpoint's URL as published (htu is compared with it). */
  url: string;
  /** At a protected resource: the access token the proof came with (ath, §4.3 step 12). */
  accessToken?: string;
};

export type DpopVerifier = {
  verify(proof: string, request: HttpRequest, check: DpopCheck): Promise<DpopProof>;
  /** The headers of every response to a request with a proof (§8.2): a fresh DPoP-Nonce. */
  responseHeaders(): Record<string, string>;
};

/**
 * The request's DPoP header (§4.3 step 1), read without waiting for anything: null when there is
 * none, an error when there are several.
 */
export function dpopHeader(request: HttpRequest, site: DpopSite): string | null {
  try {
    return singleDpopHeader(request.headers.get('dpop'));
  } catch (err) {
    throw invalidDpopProof(site, (err as Error).message);
  }
}

export function createDpopVerifier(ctx: ProviderContext): DpopVerifier {
  const nonces = createDpopNonces(ctx.settings.dpopNonceSecret, ctx.clock);
  return {
    async verify(proof, request, { site, url, accessToken }) {
      let checked;
      try {
        checked = await checkDpopProof(proof, { method: request.method, url, now: nowSeconds(ctx.clock), accessToken });
      } catch (err) {
        if (err instanceof DpopProofError) throw invalidDpopProof(site, err.message);
        throw err;
      }
      // §8 (token endpoint) and §9 (userinfo): a nonce from this server, still current.
      if (checked.nonce === undefined) throw useDpopNonce(site, 'This server requires a nonce in DPoP proofs: use the one in the DPoP-Nonce header.', nonces.current());
      if (!nonces.accepts(checked.nonce)) throw useDpopNonce(site, 'The DPoP proof nonce is not current: use the one in the DPoP-Nonce header.', nonces.current());
      // §11.1: single use, for as long as the proof's iat is inside the window.
      const expiresAt = new Date((checked.iat + DPOP_MAX_AGE_S) * 1000);
      if (!(await ctx.stores.usedJtis.remember(`dpop:${checked.jkt}:${checked.jti}`, expiresAt))) {
        throw invalidDpopProof(site, 'This DPoP proof was already used: make a new proof, with a new jti, for every request.');
      }
      return { jkt: checked.jkt };
    },
    responseHeaders: () => ({ 'dpop-nonce': nonces.current() }),
  };
}
