import { describe, expect, it } from 'vitest';
import { OAuthError } from './errors.ts';
import { parseChallenge, s256, verifyPkce } from './pkce.ts';

const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
// RFC 7636 Appendix B test vector.
const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as OAuthError).code;
  }
  return 'no error';
};

describe('PKCE (RFC 7636)', () => {
  it('computes S256 as in Appendix B', () => expect(s256(verifier)).toBe(challenge));

  it('requires a challenge from public clients and refuses plain', () => {
    expect(code(() => parseChallenge(undefined, undefined, true))).toBe('invalid_request');
    expect(parseChallenge(undefined, undefined, false)).toBeNull();
    expect(code(() => parseChallenge(challenge, 'plain', false))).toBe('invalid_request');
    expect(code(() => parseChallenge(challenge, undefined, false))).toBe('invalid_request');
    expect(code(() => parseChallenge('short', 'S256', false))).toBe('invalid_request');
    expect(parseChallenge(challenge, 'S256', true)).toEqual({ challenge, method: 'S256' });
  });

  it('verifies the verifier and prevents downgrade', () => {
    const stored = { challenge, method: 'S256' as const };
    expect(code(() => verifyPkce(stored, verifier))).toBe('no error');
    expect(code(() => verifyPkce(stored, undefined))).toBe('invalid_grant');
    expect(code(() => verifyPkce(stored, verifier.replace('d', 'e')))).toBe('invalid_grant');
    expect(code(() => verifyPkce(null, verifier))).toBe('invalid_grant');
    expect(code(() => verifyPkce(null, undefined))).toBe('no error');
  });
});
