import { describe, expect, it } from 'vitest';
import { ACR_MFA, ACR_PASSWORD } from './acr.ts';
import { acrClaim, acrValuesOf, checkClaimsRequest, parseClaimsRequest, requestedSubject, requestedUserClaims, serializeClaimsRequest, storedClaimsRequest } from './claims-request.ts';
import { OAuthError } from './errors.ts';

const user = {
  id: 'u1', email: 'ada@example.com', name: 'Ada', emailVerified: true, phoneNumber: null, address: null,
  locale: null, givenName: null, familyName: null, nickname: null, preferredUsername: null, picture: null,
  website: null, gender: null, birthdate: null, zoneinfo: null, updatedAt: new Date('2026-01-01T00:00:00Z'),
};

function refusal(fn: () => unknown): OAuthError {
  try {
    fn();
  } catch (err) {
    if (err instanceof OAuthError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('the claims request parameter (OIDC Core §5.5)', () => {
  it('keeps the requests for claims Portico knows, and ignores the rest (§5.5)', () => {
    const parsed = parseClaimsRequest(JSON.stringify({
      userinfo: { email: null, name: { essential: true, extension: 1 }, 'https://example.com/custom': null, acr: null },
      id_token: { email: { value: 'ada@example.com' }, acr: { essential: true, values: [ACR_MFA] }, auth_time: { essential: true } },
      unknown_member: { anything: true },
    }));
    expect(parsed).toEqual({
      userinfo: { email: null, name: { essential: true } },
      id_token: { email: { value: 'ada@example.com' }, acr: { essential: true, values: [ACR_MFA] }, auth_time: { essential: true } },
    });
    expect(storedClaimsRequest(serializeClaimsRequest(parsed))).toEqual(parsed);
    expect(parseClaimsRequest(undefined)).toBeNull();
    expect(serializeClaimsRequest(parseClaimsRequest('{}'))).toBeNull();
  });

  it.each([
    ['not JSON', '{"id_token":'],
    ['an array', '[]'],
    ['null', 'null'],
    ['a string', '"email"'],
    ['id_token not an object', '{"id_token":["email"]}'],
    ['userinfo null', '{"userinfo":null}'],
    ['a claim request that is a string', '{"userinfo":{"email":"yes"}}'],
    ['essential not a boolean', '{"id_token":{"email":{"essential":"true"}}}'],
    ['values not an array', '{"id_token":{"acr":{"values":"x"}}}'],
  ])('refuses a malformed parameter (%s) with invalid_request', (_, raw) => {
    expect(refusal(() => parseClaimsRequest(raw)).code).toBe('invalid_request');
  });

  it('refuses a parameter longer than 8192 characters', () => {
    const raw = JSON.stringify({ userinfo: { email: { value: 'x'.repeat(9000) } } });
    expect(refusal(() => parseClaimsRequest(raw)).code).toBe('invalid_request');
  });

  it('needs openid, and an access token for the userinfo member (§5.5)', () => {
    const claims = parseClaimsRequest('{"userinfo":{"email":null}}')!;
    expect(refusal(() => checkClaimsRequest(claims, ['email'], true)).code).toBe('invalid_request');
    expect(refusal(() => checkClaimsRequest(claims, ['openid'], false)).description).toMatch(/access token/);
    expect(() => checkClaimsRequest(claims, ['openid'], true)).not.toThrow();
    expect(() => checkClaimsRequest(parseClaimsRequest('{"id_token":{"email":null}}')!, ['openid'], false)).not.toThrow();
  });

  it('releases a requested claim only when its scope was consented to', () => {
    const claims = parseClaimsRequest('{"id_token":{"email":null,"name":null,"phone_number":null}}');
    expect(requestedUserClaims(claims, 'id_token', user, ['openid'])).toEqual({});
    expect(requestedUserClaims(claims, 'id_token', user, ['openid', 'email'])).toEqual({ email: 'ada@example.com' });
    // A consented claim the user has not set is absent, essential or not (§5.5.1).
    expect(requestedUserClaims(claims, 'id_token', user, ['openid', 'email', 'profile', 'phone'])).toEqual({ email: 'ada@example.com', name: 'Ada' });
    expect(requestedUserClaims(claims, 'userinfo', user, ['openid', 'email'])).toEqual({});
  });

  it('maps essential acr values onto acr_values, and refuses essential values Portico cannot meet (§5.5.1.1)', () => {
    const essential = parseClaimsRequest(JSON.stringify({ id_token: { acr: { essential: true, values: ['urn:unknown', ACR_MFA] } } }));
    expect(acrValuesOf(essential, [ACR_PASSWORD])).toEqual([ACR_MFA]);
    const unknown = parseClaimsRequest(JSON.stringify({ id_token: { acr: { essential: true, value: 'urn:unknown' } } }));
    expect(refusal(() => acrValuesOf(unknown, [])).code).toBe('unmet_authentication_requirements');
    const voluntary = parseClaimsRequest(JSON.stringify({ id_token: { acr: { values: [ACR_MFA] } } }));
    expect(acrValuesOf(voluntary, [])).toEqual([ACR_MFA]);
    expect(acrValuesOf(voluntary, [ACR_PASSWORD])).toEqual([ACR_PASSWORD]);
    expect(acrValuesOf(null, [ACR_PASSWORD])).toEqual([ACR_PASSWORD]);
  });

  it('names in acr a requested value the sign-in meets (§5.5.1.1)', () => {
    const either = parseClaimsRequest(JSON.stringify({ id_token: { acr: { essential: true, values: [ACR_PASSWORD, ACR_MFA] } } }));
    expect(acrClaim(either, ['pwd', 'otp', 'mfa'], ACR_MFA)).toBe(ACR_MFA);
    expect(acrClaim(either, ['pwd'], ACR_PASSWORD)).toBe(ACR_PASSWORD);
    const password = parseClaimsRequest(JSON.stringify({ id_token: { acr: { essential: true, value: ACR_PASSWORD } } }));
    expect(acrClaim(password, ['pwd', 'otp', 'mfa'], ACR_MFA)).toBe(ACR_PASSWORD);
    expect(acrClaim(null, ['pwd', 'otp', 'mfa'], ACR_MFA)).toBe(ACR_MFA);
  });

  it('reads the sub the ID token member insists on (§3.1.2.1)', () => {
    expect(requestedSubject(parseClaimsRequest('{"id_token":{"sub":{"value":"abc"}}}'))).toBe('abc');
    expect(requestedSubject(parseClaimsRequest('{"id_token":{"sub":null}}'))).toBeUndefined();
    expect(requestedSubject(parseClaimsRequest('{"userinfo":{"sub":{"value":"abc"}}}'))).toBeUndefined();
  });
});
