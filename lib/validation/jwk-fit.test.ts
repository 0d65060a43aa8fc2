/** The browser-safe algorithm lists agree with what the protocol core verifies, and keys fit their algorithms. */
import { describe, expect, it } from 'vitest';
import { CLIENT_ASSERTION_SIGNING_ALGS } from '../oidc/client-assertion.ts';
import { ASYMMETRIC_ALGS } from '../oidc/client-keys.ts';
import { ASYMMETRIC_JWS_ALGS, CLIENT_JWS_ALGS, keyEncrypts, keyVerifies } from './jwk-fit.ts';

describe('JWS algorithms for clients', () => {
  it('are the ones the core verifies', () => {
    expect([...ASYMMETRIC_JWS_ALGS]).toEqual([...ASYMMETRIC_ALGS]);
    expect([...CLIENT_JWS_ALGS]).toEqual([...CLIENT_ASSERTION_SIGNING_ALGS]);
    expect(CLIENT_JWS_ALGS).not.toContain('none');
  });

  it.each([
    [{ kty: 'RSA' }, ['RS256', 'RS512', 'PS384'], ['ES256', 'EdDSA', 'HS256']],
    [{ kty: 'EC', crv: 'P-256' }, ['ES256'], ['ES384', 'ES512', 'RS256']],
    [{ kty: 'EC', crv: 'P-521' }, ['ES512'], ['ES256']],
    [{ kty: 'OKP', crv: 'Ed25519' }, ['EdDSA', 'Ed25519'], ['ES256']],
    [{ kty: 'OKP', crv: 'Ed448' }, ['EdDSA'], ['Ed25519']],
    [{ kty: 'OKP', crv: 'X25519' }, [], ['EdDSA', 'Ed25519']],
  ])('%o verifies %o and not %o', (key, yes, no) => {
    for (const alg of yes) expect(keyVerifies(key, alg)).toBe(true);
    for (const alg of no) expect(keyVerifies(key, alg)).toBe(false);
  });

  it('matches encryption keys to key-management algorithms', () => {
    expect(keyEncrypts({ kty: 'RSA' }, 'RSA-OAEP-256')).toBe(true);
    expect(keyEncrypts({ kty: 'OKP', crv: 'X25519' }, 'ECDH-ES')).toBe(true);
    expect(keyEncrypts({ kty: 'OKP', crv: 'Ed25519' }, 'ECDH-ES')).toBe(false);
    expect(keyEncrypts({ kty: 'EC', crv: 'P-256' }, 'RSA-OAEP')).toBe(false);
  });
});
