/**
 * DPoP-bound access tokens at an API (RFC 9449 §7): the token comes as `Authorization: DPoP
 * <token>` with a proof in the DPoP header, checked as RFC 9449 §4.3 says (lib/oidc/dpop-proof.ts:
 * typ, alg, public jwk, signature, htm, htu, iat window, ath), by the key the token is bound to
 * (cnf.jkt, from the JWT §6.1 or from introspection §6.2), and used once (§11.1).
 * The kit asks for no server nonces (§9 lets a resource server do without): proofs are fresh
 * because of the iat window and single use.
 */
import { checkDpopProof, DPOP_MAX_AGE_S, DpopProofError, singleDpopHeader } from '../oidc/dpop-proof.ts';
import { InvalidDpopProofError } from './errors.ts';

/**
 * Remembers a proof's jti until `expiresAt`; true the first time, false on reuse. Several instances
 * of one API behind a balancer need one shared memory (a database table with the key as primary
 * key, Redis SET NX with an expiry, …); the default is per process.
 */
export type ReplayMemory = (key: string, expiresAt: Date) => boolean | Promise<boolean>;

/**
 * Per process, for as long as proofs are accepted. Past `limit` live entries the oldest are
 * forgotten first (a replay of those would pass): size it above requests-per-5-minutes.
 */
export function inMemoryReplayMemory(limit = 100_000): ReplayMemory {
  const seen = new Map<string, number>();
  return (key, expiresAt) => {
    const now = Date.now();
    const until = seen.get(key);
    if (until !== undefined && until > now) return false;
    if (seen.size >= limit) {
      for (const [k, t] of seen) {
        if (t <= now || seen.size >= limit) seen.delete(k);
        else break;
      }
    }
    seen.delete(key);
    seen.set(key, expiresAt.getTime());
    return true;
  };
}

export type DpopRequest = { method: string; url: string; proofHeader: string | string[] | null | undefined; accessToken: string };

/** Checks the request's proof against the key `boundJkt` the token is bound to; throws InvalidDpopProofError. */
export async function checkDpopRequest(request: DpopRequest, boundJkt: string, remember: ReplayMemory): Promise<void> {
  let checked;
  try {
    const proof = singleDpopHeader(request.proofHeader);
    if (!proof) throw new DpopProofError('Send a DPoP proof in the DPoP header with this access token.');
    checked = await checkDpopProof(proof, { method: request.method.toUpperCase(), url: request.url, now: Math.floor(Date.now() / 1000), accessToken: request.accessToken });
  } catch (err) {
    if (err instanceof DpopProofError) throw new InvalidDpopProofError(err.message);
    throw err;
  }
  if (checked.jkt !== boundJkt) throw new InvalidDpopProofError('The DPoP proof is signed with another key than the one this access token is bound to.');
  if (!(await remember(`${checked.jkt}:${checked.jti}`, new Date((checked.iat + DPOP_MAX_AGE_S) * 1000)))) {
    throw new InvalidDpopProofError('This DPoP proof was already used: make a new proof, with a new jti, for every request.');
  }
}
