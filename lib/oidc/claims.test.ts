import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { halfHash, userClaims } from './claims.ts';

const user = {
  id: 'u1', email: 'ada@example.com', name: 'Ada', emailVerified: true, phoneNumber: '+44 20 0000', address: '1 Main St',
  locale: 'en-GB', givenName: 'Ada', familyName: 'Lovelace', nickname: null, preferredUsername: 'ada', picture: null,
  website: 'https://ada.example.com', gender: null, birthdate: '1815-12-10', zoneinfo: 'Europe/London', updatedAt: new Date('2026-01-01T00:00:00Z'),
};

describe('claims (OIDC Core §5.4)', () => {
  it('always has sub and releases only what the scopes allow', () => {
    expect(userClaims(user, ['openid'], 'u1')).toEqual({ sub: 'u1' });
    expect(userClaims(user, ['openid', 'email'], 'u1')).toEqual({ sub: 'u1', email: 'ada@example.com', email_verified: true });
    const all = userClaims(user, ['openid', 'profile', 'phone', 'address'], 'u1');
    expect(all).toMatchObject({ name: 'Ada', locale: 'en-GB', updated_at: 1767225600, phone_number: '+44 20 0000', address: { formatted: '1 Main St' } });
    expect(all.email).toBeUndefined();
  });

  it('releases the profile claims the user has filled in, and no empty ones', () => {
    const profile = userClaims(user, ['openid', 'profile'], 'u1');
    expect(profile).toEqual({
      sub: 'u1', name: 'Ada', given_name: 'Ada', family_name: 'Lovelace', preferred_username: 'ada', website: 'https://ada.example.com',
      birthdate: '1815-12-10', zoneinfo: 'Europe/London', locale: 'en-GB', updated_at: 1767225600,
    });
  });

  it('computes at_hash as the left half of the hash (OIDC Core §3.1.3.6)', () => {
    const full = createHash('sha256').update('token').digest();
    expect(halfHash('token', 'RS256')).toBe(full.subarray(0, 16).toString('base64url'));
    expect(Buffer.from(halfHash('token', 'EdDSA'), 'base64url')).toHaveLength(32);
  });
});
