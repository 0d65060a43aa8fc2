import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { dpopKey, dpopProof, type DpopKey } from '@/tests/support/dpop.ts';
import { accessTokenHash, checkDpopProof, DPOP_SIGNING_ALGS, DpopProofError, normalizedHtu, singleDpopHeader } from './dpop-proof.ts';

const URL_ = 'https://id.example.com/oauth/token';
const now = 1_780_000_000;
let key: DpopKey;

beforeAll(async () => {
  key = await dpopKey('ES256');
});

const check = (proof: string, extra: Partial<Parameters<typeof checkDpopProof>[1]> = {}) => checkDpopProof(proof, { method: 'POST', url: URL_, now, ...extra });
const refusal = (promise: Promise<unknown>) => promise.then(() => 'accepted', (err: Error) => (err instanceof DpopProofError ? err.message : `unexpected: ${err.message}`));

describe('DPoP proof checks (RFC 9449 §4.3)', () => {
  it('accepts a proof with every supported algorithm and returns the RFC 7638 thumbprint', async () => {
    for (const alg of DPOP_SIGNING_ALGS) {
      const k = await dpopKey(alg === 'EdDSA' || alg === 'Ed25519' ? 'Ed25519' : alg);
      const proof = await dpopProof({ ...k, alg }, { htm: 'POST', htu: URL_, iat: now, jti: 'j1', nonce: 'n' });
      expect(await check(proof), alg).toEqual({ jkt: k.jkt, jti: 'j1', iat: now, nonce: 'n' });
    }
  });

  it('refuses a symmetric or unsupported alg, a wrong typ and a missing or private jwk', async () => {
    const hmac = await new SignJWT({ jti: 'j', htm: 'POST', htu: URL_, iat: now }).setProtectedHeader({ alg: 'HS256', typ: 'dpop+jwt', jwk: key.jwk }).sign(new Uint8Array(32));
    expect(await refusal(check(hmac))).toMatch(/one of ES256/);
    const rs512 = await dpopKey('RS512');
    expect(await refusal(check(await dpopProof(rs512, { htm: 'POST', htu: URL_, iat: now })))).toMatch(/one of/);
    expect(await refusal(check(await dpopProof(key, { htm: 'POST', htu: URL_, iat: now, header: { typ: 'JWT' } })))).toMatch(/dpop\+jwt/);
    expect(await refusal(check(await dpopProof(key, { htm: 'POST', htu: URL_, iat: now, header: { jwk: undefined } })))).toMatch(/jwk header/);
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const privateJwk = await exportJWK(privateKey);
    expect(await refusal(check(await dpopProof({ ...key, privateKey }, { htm: 'POST', htu: URL_, iat: now, header: { jwk: privateJwk } })))).toMatch(/public key only/);
  });

  it('refuses a signature by another key than the one in the header', async () => {
    const other = await dpopKey('ES256');
    expect(await refusal(check(await dpopProof({ ...other, jwk: key.jwk }, { htm: 'POST', htu: URL_, iat: now })))).toMatch(/does not verify/);
    expect(await refusal(check('not.a.jwt'))).toMatch(/compact JWT/);
    expect(await refusal(check('a.b'))).toMatch(/compact JWT/);
  });

  it('requires jti and iat, and htm equal to the method', async () => {
    expect(await refusal(check(await dpopProof(key, { htm: 'POST', htu: URL_, iat: now, jti: '' })))).toMatch(/jti/);
    expect(await refusal(check(await dpopProof(key, { htm: 'POST', htu: URL_, iat: now, jti: 'x'.repeat(257) })))).toMatch(/jti/);
    expect(await refusal(check(await dpopProof(key, { htm: 'GET', htu: URL_, iat: now })))).toMatch(/htm must be the request's method, POST/);
    expect(await refusal(check(await dpopProof(key, { htm: 'post', htu: URL_, iat: now })))).toMatch(/htm/);
  });

  it('compares htu without query and fragment, after RFC 3986 normalisation', async () => {
    for (const htu of ['https://ID.example.com:443/oauth/token', 'https://id.example.com/oauth/./token?x=1#f', 'https://id.example.com/oauth/%74oken']) {
      expect(await refusal(check(await dpopProof(key, { htm: 'POST', htu, iat: now }))), htu).toBe('accepted');
    }
    for (const htu of ['https://id.example.com/oauth/userinfo', 'http://id.example.com/oauth/token', 'https://evil.example.com/oauth/token', 'not a url']) {
      expect(await refusal(check(await dpopProof(key, { htm: 'POST', htu, iat: now }))), htu).toMatch(/htu must be the URI/);
    }
    expect(normalizedHtu('HTTP://Example.com:80')).toBe('http://example.com/');
    expect(normalizedHtu('https://a.example/x%2fy%7e')).toBe('https://a.example/x%2Fy~');
    expect(normalizedHtu('ftp://a.example/')).toBeNull();
  });

  it('accepts iat from 300 seconds ago to 60 seconds ahead', async () => {
    expect(await refusal(check(await dpopProof(key, { htm: 'POST', htu: URL_, iat: now - 300 })))).toBe('accepted');
    expect(await refusal(check(await dpopProof(key, { htm: 'POST', htu: URL_, iat: now - 301 })))).toMatch(/too old/);
    expect(await refusal(check(await dpopProof(key, { htm: 'POST', htu: URL_, iat: now + 60 })))).toBe('accepted');
    expect(await refusal(check(await dpopProof(key, { htm: 'POST', htu: URL_, iat: now + 61 })))).toMatch(/future/);
  });

  it('requires ath to be the hash of the access token it comes with', async () => {
    const accessToken = 'at_example';
    expect(accessTokenHash('a')).toBe('ypeBEsobvcr6wjGzmiPcTaeG7_gUfE5yuYB3ha_uSLs');
    const good = await dpopProof(key, { htm: 'GET', htu: URL_, iat: now, accessToken });
    expect(await refusal(check(good, { method: 'GET', accessToken }))).toBe('accepted');
    expect(await refusal(check(good, { method: 'GET', accessToken: 'at_other' }))).toMatch(/ath/);
    expect(await refusal(check(await dpopProof(key, { htm: 'GET', htu: URL_, iat: now }), { method: 'GET', accessToken }))).toMatch(/ath/);
  });

  it('takes exactly one DPoP header', () => {
    expect(singleDpopHeader(null)).toBeNull();
    expect(singleDpopHeader(' a.b.c ')).toBe('a.b.c');
    expect(() => singleDpopHeader('a.b.c, d.e.f')).toThrow(DpopProofError);
    expect(() => singleDpopHeader(['a.b.c', 'd.e.f'])).toThrow(/exactly one/);
  });
});
