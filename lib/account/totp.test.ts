import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, generateTotpSecret, matchTotp, otpauthUri, totpAt, totpStep } from './totp.ts';

// The RFC 4226 / RFC 6238 SHA1 test key: ASCII "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('base32 (RFC 4648 §10 test vectors)', () => {
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ];
  it.each(vectors)('%j <-> %j', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
    expect(base32Decode(encoded).toString()).toBe(plain);
  });
  it('decodes padding, lowercase and spaces, and refuses other characters', () => {
    expect(base32Decode('mzxw 6ytb oi======').toString()).toBe('foobar');
    expect(() => base32Decode('MZXW1')).toThrow(/base32/);
  });
  it('generates 160-bit secrets', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });
});

describe('HOTP (RFC 4226 Appendix D)', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  it.each(expected.map((code, counter) => [counter, code] as const))('counter %i -> %s', (counter, code) => {
    expect(totpAt(RFC_SECRET, counter)).toBe(code);
  });
});

describe('TOTP (RFC 6238 Appendix B, SHA1, last 6 of 8 digits)', () => {
  const vectors: [number, number, string][] = [
    [59, 0x1, '287082'],
    [1111111109, 0x23523ec, '081804'],
    [1111111111, 0x23523ed, '050471'],
    [1234567890, 0x273ef07, '005924'],
    [2000000000, 0x3f940aa, '279037'],
    [20000000000, 0x27bc86aa, '353130'],
  ];
  it.each(vectors)('T = %i s', (seconds, step, code) => {
    expect(totpStep(seconds * 1000)).toBe(step);
    expect(totpAt(RFC_SECRET, step)).toBe(code);
  });
});

describe('matchTotp', () => {
  const now = 1111111111 * 1000; // step 0x23523ed
  const step = 0x23523ed;
  const code = (s: number) => totpAt(RFC_SECRET, s);

  it('accepts the current step and one step either side (RFC 6238 §5.2), nothing further', () => {
    expect(matchTotp(RFC_SECRET, code(step), now, null)).toBe(step);
    expect(matchTotp(RFC_SECRET, code(step - 1), now, null)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, code(step + 1), now, null)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, code(step - 2), now, null)).toBeNull();
    expect(matchTotp(RFC_SECRET, code(step + 2), now, null)).toBeNull();
  });

  it('accepts only steps after the last accepted one, so a code never works twice', () => {
    expect(matchTotp(RFC_SECRET, code(step), now, step)).toBeNull();
    expect(matchTotp(RFC_SECRET, code(step - 1), now, step)).toBeNull();
    expect(matchTotp(RFC_SECRET, code(step + 1), now, step)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, code(step), now, step - 1)).toBe(step);
  });

  it('refuses anything that is not six digits', () => {
    for (const bad of ['', '05047', '0504711', '05047a', ' 050471', '050 471']) expect(matchTotp(RFC_SECRET, bad, now, null)).toBeNull();
    expect(matchTotp(RFC_SECRET, '000000', now, null)).toBeNull();
  });
});

describe('otpauthUri (Key Uri Format)', () => {
  it('names the issuer in the label and the query, with every parameter explicit', () => {
    expect(otpauthUri({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'Portico (login.example.com)', accountName: 'ada+test@example.com' })).toBe(
      'otpauth://totp/Portico%20(login.example.com):ada%2Btest%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Portico%20(login.example.com)&algorithm=SHA1&digits=6&period=30',
    );
  });
});
