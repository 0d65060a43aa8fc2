/**
 * Server-provided DPoP nonces (RFC 9449 §8 at the token endpoint, §9 at userinfo), stateless: a
 * nonce is the HMAC of a time step, keyed from the server secret, so every instance sharing
 * PORTICO_SECRET issues and accepts the same nonces with nothing stored. The current step's nonce
 * is handed out; the current and the previous step's are accepted, so a nonce lives between one
 * and two steps, and a client whose nonce just aged gets a fresh one with use_dpop_nonce.
 */
import { createHmac } from 'node:crypto';
import { constantTimeEqual } from './tokens.ts';

export const DPOP_NONCE_STEP_S = 300;

export type DpopNonces = {
  /** The nonce to send in DPoP-Nonce now. */
  current(): string;
  /** Whether a proof's nonce is this step's or the previous step's. */
  accepts(nonce: string): boolean;
};

export function createDpopNonces(secret: string, clock: () => Date): DpopNonces {
  // The two nonces in use are computed once per step, not per request.
  let cached = { step: Number.NaN, current: '', previous: '' };
  const nonceFor = (step: number) => createHmac('sha256', secret).update(`portico-dpop-nonce:${step}`).digest('base64url');
  const nonces = () => {
    const step = Math.floor(clock().getTime() / 1000 / DPOP_NONCE_STEP_S);
    if (step !== cached.step) cached = { step, current: nonceFor(step), previous: step === cached.step + 1 ? cached.current : nonceFor(step - 1) };
    return cached;
  };
  return {
    current: () => nonces().current,
    accepts(nonce) {
      const { current, previous } = nonces();
      // Both compared, so the time taken does not say which one matched.
      return [constantTimeEqual(nonce, current), constantTimeEqual(nonce, previous)].includes(true);
    },
  };
}
