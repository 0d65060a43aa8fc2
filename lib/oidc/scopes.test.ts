import { describe, expect, it } from 'vitest';
import { checkAllowed, covers, parseScope } from './scopes.ts';

describe('scopes (RFC 6749 §3.3)', () => {
  it('parses space-delimited, de-duplicated tokens', () => {
    expect(parseScope('openid  email openid')).toEqual(['openid', 'email']);
    expect(parseScope(undefined)).toEqual([]);
    expect(() => parseScope('openid "bad"')).toThrow(/valid scope/);
  });
  it('refuses scopes the client may not request', () => {
    expect(() => checkAllowed(['openid', 'admin'], ['openid'])).toThrow(/admin/);
    expect(() => checkAllowed(['openid'], ['openid', 'email'])).not.toThrow();
  });
  it('knows whether a grant covers a request', () => {
    expect(covers(['openid', 'email'], ['openid'])).toBe(true);
    expect(covers(['openid'], ['openid', 'email'])).toBe(false);
  });
});
