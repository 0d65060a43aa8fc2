import { describe, expect, it } from 'vitest';
import { decryptPrivateJwk, encryptPrivateJwk } from './keys.ts';

describe('private keys at rest', () => {
  const jwk = { kty: 'OKP', crv: 'Ed25519', d: 'secret-material', x: 'pub' };
  it('round-trips and never stores the key in clear', () => {
    const sealed = encryptPrivateJwk(jwk, 'a'.repeat(32));
    expect(sealed).not.toContain('secret-material');
    expect(decryptPrivateJwk(sealed, 'a'.repeat(32))).toEqual(jwk);
  });
  it('fails clearly with the wrong secret', () => {
    const sealed = encryptPrivateJwk(jwk, 'a'.repeat(32));
    expect(() => decryptPrivateJwk(sealed, 'b'.repeat(32))).toThrow(/PORTICO_SECRET/);
  });
});
