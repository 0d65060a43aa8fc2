import { describe, expect, it } from 'vitest';
import { OAuthError } from './errors.ts';
import { checkKeyBinding, parseDpopJkt } from './dpop-binding.ts';

const JKT = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs';
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as OAuthError).code;
  }
  return 'no error';
};

describe('DPoP-bound grants (RFC 9449 §5, §10)', () => {
  it('takes dpop_jkt as a base64url SHA-256 thumbprint', () => {
    expect(parseDpopJkt(undefined)).toBeNull();
    expect(parseDpopJkt(JKT)).toBe(JKT);
    expect(code(() => parseDpopJkt('abc'))).toBe('invalid_request');
    expect(code(() => parseDpopJkt(`${JKT}=`))).toBe('invalid_request');
  });

  it('redeems a bound grant only with a proof by its key', () => {
    expect(code(() => checkKeyBinding(null, null, 'refresh token'))).toBe('no error');
    expect(code(() => checkKeyBinding(JKT, { jkt: JKT }, 'authorization code'))).toBe('no error');
    expect(code(() => checkKeyBinding(JKT, null, 'authorization code'))).toBe('invalid_dpop_proof');
    expect(code(() => checkKeyBinding(JKT, { jkt: JKT.replace('N', 'M') }, 'refresh token'))).toBe('invalid_grant');
  });
});
