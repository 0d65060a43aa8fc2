import { describe, expect, it } from 'vitest';
import { decryptPrivateJwk } from '../oidc/keys.ts';
import { openSecret, sealSecret, SecretBoxError } from './secret-box.ts';

const SECRET = 'server-secret-0123456789abcdefghij';

/** What a SecretBoxError says went wrong, or the value when opening succeeds. */
function openResult(sealed: string, secret = SECRET, purpose = 'totp-secret'): string {
  try {
    return openSecret(sealed, secret, purpose);
  } catch (err) {
    return err instanceof SecretBoxError ? `error:${err.reason}` : `unexpected:${String(err)}`;
  }
}

describe('sealSecret / openSecret', () => {
  it('round-trips and never stores the plaintext, with a fresh IV each time', () => {
    const sealed = sealSecret('JBSWY3DPEHPK3PXP', SECRET, 'totp-secret');
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]+$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(sealed, SECRET, 'totp-secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(sealSecret('JBSWY3DPEHPK3PXP', SECRET, 'totp-secret')).not.toBe(sealed);
    expect(openSecret(sealSecret('', SECRET, 'p'), SECRET, 'p')).toBe('');
    expect(openSecret(sealSecret('héllo ✓', SECRET, 'p'), SECRET, 'p')).toBe('héllo ✓');
  });

  it('refuses the wrong secret and the wrong purpose', () => {
    const sealed = sealSecret('payload', SECRET, 'totp-secret');
    expect(openResult(sealed, 'another-secret-0123456789abcdefghij')).toBe('error:key');
    expect(openResult(sealed, SECRET, 'signing-key-encryption')).toBe('error:key');
  });

  it('refuses any altered byte of IV, ciphertext or tag', () => {
    const sealed = sealSecret('payload', SECRET, 'totp-secret');
    const [version, iv, body] = sealed.split('.') as [string, string, string];
    const flip = (text: string, index: number) => {
      const bytes = Buffer.from(text, 'base64url');
      bytes[index] = bytes[index]! ^ 1;
      return bytes.toString('base64url');
    };
    const bodyLength = Buffer.from(body, 'base64url').length;
    expect(openResult(`${version}.${flip(iv, 0)}.${body}`)).toBe('error:key');
    expect(openResult(`${version}.${iv}.${flip(body, 0)}`)).toBe('error:key');
    expect(openResult(`${version}.${iv}.${flip(body, bodyLength - 1)}`)).toBe('error:key');
  });

  it('refuses what is not a sealed value', () => {
    for (const bad of ['', 'JBSWY3DPEHPK3PXP', 'v2.AAAAAAAAAAAAAAAA.AAAA', 'v1..', 'v1.AAAA.AAAAAAAAAAAAAAAAAAAAAA', 'v1.AAAAAAAAAAAAAAAA.AAAA', 'v1.a.b.c']) {
      expect(openResult(bad)).toBe('error:format');
    }
  });

  it('opens signing keys sealed by the keys.ts code that predates it (format unchanged)', () => {
    // Sealed by the original encryptPrivateJwk (HKDF-SHA256(secret, 'portico', 'signing-key-encryption')).
    const legacy =
      'v1.Jiu_sDkA2ym4PWJO.ctjDxzW2TPTLr1cqRLTAvoPjmyFDqMZ6dBjCVlp-5mUsdPtDElMCO5ORUVGDlsGCfDLCllDD6n0D165LZZ8bsMmN8DyL6PZwoItR95yFZM2XDN0thSdmBj2nBWxGyI3zglYh8yHJ';
    const secret = 'legacy-secret-0123456789abcdefghij';
    const jwk = { kty: 'OKP', crv: 'Ed25519', d: 'secret-material', x: 'pub', kid: 'k1', alg: 'EdDSA' };
    expect(JSON.parse(openSecret(legacy, secret, 'signing-key-encryption'))).toEqual(jwk);
    expect(decryptPrivateJwk(legacy, secret)).toEqual(jwk);
    expect(() => decryptPrivateJwk(legacy, SECRET)).toThrow(/PORTICO_SECRET/);
    expect(() => decryptPrivateJwk('garbage', secret)).toThrow('Unknown signing key encryption format.');
  });
});
