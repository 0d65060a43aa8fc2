import { describe, expect, it } from 'vitest';
import { sha256 } from './tokens.ts';
import { formatUserCode, generateUserCode, hashUserCode, normalizeUserCode, USER_CODE_ALPHABET, USER_CODE_LENGTH } from './user-code.ts';

describe('user codes (RFC 8628 §6.1)', () => {
  it('draws 8 characters from the 20 consonants, no vowels or digits', () => {
    expect(USER_CODE_ALPHABET).toBe('BCDFGHJKLMNPQRSTVWXZ');
    const codes = Array.from({ length: 500 }, generateUserCode);
    for (const code of codes) expect(code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{8}$/);
    expect(new Set(codes).size).toBe(codes.length);
    // Every letter of the alphabet turns up (4,000 draws of 20 letters): no letter is left out.
    expect(new Set(codes.join('')).size).toBe(USER_CODE_ALPHABET.length);
  });

  it('shows codes as XXXX-XXXX', () => {
    expect(formatUserCode('BCDFGHJK')).toBe('BCDF-GHJK');
    expect(formatUserCode(generateUserCode())).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
  });

  it('normalises what users type: any case, dashes and spaces ignored', () => {
    for (const typed of ['BCDF-GHJK', 'bcdf-ghjk', 'bcdfghjk', ' BCDF GHJK ', 'Bc-Df-Gh-Jk', 'BCDF\tGHJK']) {
      expect(normalizeUserCode(typed), typed).toBe('BCDFGHJK');
    }
  });

  it('refuses what cannot be a code', () => {
    for (const typed of ['', 'BCDF-GHJ', 'BCDF-GHJKL', 'ABCD-EFGH', 'BCDF-GHJ1', 'BCDF_GHJK', 'ВCDF-GHJK', 'BCDF–GHJK']) {
      expect(normalizeUserCode(typed), typed).toBeNull();
    }
    expect(USER_CODE_LENGTH).toBe(8);
  });

  it('hashes the normalised form, so every way of typing a code finds the same row', () => {
    const typed = ['bcdf-ghjk', 'BCDFGHJK'].map((t) => hashUserCode(normalizeUserCode(t)!));
    expect(typed[0]).toBe(typed[1]);
    expect(typed[0]).toBe(sha256('BCDFGHJK'));
  });
});
