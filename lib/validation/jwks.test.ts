/** A client's JWK Set (RFC 7591 §2 jwks): public keys only, of sane types, algorithms and size. */
import { generateKeyPairSync, type KeyPairKeyObjectResult } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jwksField, JWKS_MAX_KEYS } from './jwks.ts';

const publicJwk = (type: 'ec' | 'rsa' | 'ed25519' | 'x25519', options: object = {}) => {
  const pair = generateKeyPairSync(type as 'ec', { namedCurve: 'P-256', modulusLength: 2048, ...options } as never) as unknown as KeyPairKeyObjectResult;
  return { public: pair.publicKey.export({ format: 'jwk' }) as Record<string, unknown>, private: pair.privateKey.export({ format: 'jwk' }) as Record<string, unknown> };
};

const ec = publicJwk('ec');
const rsa = publicJwk('rsa');
const ed = publicJwk('ed25519');
const x = publicJwk('x25519');

const parse = (value: unknown) => jwksField.safeParse(value);
const messages = (value: unknown) => {
  const result = parse(value);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
};

describe('jwks', () => {
  it.each([
    ['an EC P-256 key', { keys: [{ ...ec.public, use: 'sig', alg: 'ES256', kid: 'k1' }] }],
    ['an RSA key for PS256', { keys: [{ ...rsa.public, alg: 'PS256' }] }],
    ['an Ed25519 key', { keys: [{ ...ed.public, alg: 'EdDSA' }] }],
    ['an X25519 key marked for encryption', { keys: [{ ...x.public, use: 'enc', alg: 'ECDH-ES' }] }],
    ['several keys with distinct kids', { keys: [{ ...ec.public, kid: 'a' }, { ...rsa.public, kid: 'b' }] }],
  ])('accepts %s', (_name, set) => {
    expect(parse(set)).toMatchObject({ success: true, data: { keys: set.keys } });
  });

  it('accepts the JSON text a form or the CLI sends, and takes an empty text or null as "no keys"', () => {
    const set = { keys: [ec.public] };
    expect(parse(JSON.stringify(set)).data).toEqual(set);
    expect(parse('  ').data).toBeNull();
    expect(parse(null).data).toBeNull();
  });

  it('keeps only the keys member', () => {
    expect(parse({ keys: [ec.public], extra: 'dropped' }).data).toEqual({ keys: [ec.public] });
  });

  it.each([
    ['an EC private key', { keys: [ec.private] }, /Key 1: this is a private key \(it has "d"\).*replace this key pair/],
    ['an RSA private key', { keys: [rsa.private] }, /"d", "p", "q", "dp", "dq", "qi"/],
    ['an Ed25519 private key', { keys: [ed.private] }, /private key/],
    ['a symmetric key', { keys: [{ kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ' }] }, /symmetric \("oct"\) keys are shared secrets/],
  ])('refuses %s', (_name, set, message) => {
    expect(messages(set)).toMatch(message);
  });

  it.each([
    ['not JSON', '{"keys": [', /not valid JSON/],
    ['not a set', { kty: 'EC' }, /JSON object with a "keys" array/],
    ['an array', [ec.public], /JWK Set/],
    ['no keys', { keys: [] }, /at least one public key/],
    ['too many keys', { keys: Array.from({ length: JWKS_MAX_KEYS + 1 }, () => ec.public) }, /at most 10 keys/],
    ['too large', { keys: [{ ...rsa.public, x5c: ['A'.repeat(17_000)] }] }, /at most 16 KB/],
    ['an unknown kty', { keys: [{ kty: 'DSA' }] }, /kty must be RSA, EC or OKP/],
    ['a short RSA modulus', { keys: [publicJwk('rsa', { modulusLength: 1024 }).public] }, /at least 2048 bits/],
    ['an RSA key without e', { keys: [{ kty: 'RSA', n: rsa.public.n }] }, /needs "n" and "e"/],
    ['an unknown curve', { keys: [{ ...ec.public, crv: 'secp256k1' }] }, /needs "crv": P-256, P-384, P-521/],
    ['a coordinate of the wrong length', { keys: [{ ...ec.public, x: 'AAAA' }] }, /"x" must be the 32-byte P-256 coordinate/],
    ['an unknown use', { keys: [{ ...ec.public, use: 'both' }] }, /use must be "sig" or "enc"/],
    ['an algorithm that does not fit the key', { keys: [{ ...ec.public, alg: 'RS256' }] }, /alg RS256 does not fit this EC P-256 key/],
    ['a curve of another size for ES384', { keys: [{ ...ec.public, alg: 'ES384' }] }, /does not fit/],
    ['alg none', { keys: [{ ...ec.public, alg: 'none' }] }, /alg none is not supported/],
    ['an X25519 key for signing', { keys: [{ ...x.public, use: 'sig' }] }, /cannot sign/],
    ['a repeated kid', { keys: [{ ...ec.public, kid: 'same' }, { ...ed.public, kid: 'same' }] }, /Key 2: kid "same" is used by another key/],
    ['a non-object key', { keys: ['abc'] }, /each key must be a JSON object/],
  ])('refuses %s', (_name, set, message) => {
    expect(messages(set)).toMatch(message);
  });

  it('reports each bad key at its index', () => {
    const result = parse({ keys: [ec.public, ec.private, { kty: 'oct', k: 'abc' }] });
    expect(result.error!.issues.map((i) => i.path)).toEqual([['keys', 1], ['keys', 2]]);
  });
});
