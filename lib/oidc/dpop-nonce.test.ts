import { describe, expect, it } from 'vitest';
import { createDpopNonces, DPOP_NONCE_STEP_S } from './dpop-nonce.ts';

describe('stateless DPoP nonces (RFC 9449 §8)', () => {
  it('accepts the current and the previous step, not older ones nor another secret', () => {
    let now = new Date(1_780_000_000_000);
    const clock = () => now;
    const nonces = createDpopNonces('secret-a', clock);
    const first = nonces.current();
    expect(nonces.accepts(first)).toBe(true);
    expect(nonces.current()).toBe(first);

    now = new Date(now.getTime() + DPOP_NONCE_STEP_S * 1000);
    const second = nonces.current();
    expect(second).not.toBe(first);
    expect(nonces.accepts(first)).toBe(true);
    expect(nonces.accepts(second)).toBe(true);

    now = new Date(now.getTime() + DPOP_NONCE_STEP_S * 1000);
    expect(nonces.accepts(first)).toBe(false);
    expect(nonces.accepts(second)).toBe(true);
    expect(nonces.accepts('')).toBe(false);
  });

  it('is the same on every instance sharing the secret, and differs for another secret', () => {
    const clock = () => new Date(1_780_000_000_000);
    expect(createDpopNonces('secret-a', clock).current()).toBe(createDpopNonces('secret-a', clock).current());
    expect(createDpopNonces('secret-b', clock).accepts(createDpopNonces('secret-a', clock).current())).toBe(false);
  });
});
