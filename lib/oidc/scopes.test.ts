import { describe, expect, it } from 'vitest';
import { checkAllowed, covers, describeScopes, parseScope, parseScopeDescriptions, SCOPE_DESCRIPTIONS } from './scopes.ts';

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

describe('describeScopes', () => {
  const lines = (scopes: string, custom?: Record<string, string>) => describeScopes(scopes.split(' '), custom).map((s) => [s.name, s.group]);

  it('orders by group: identity, email, phone, address, offline access, then API scopes in request order', () => {
    expect(lines('invoices:read offline_access address phone email profile reports openid')).toEqual([
      ['profile', 'identity'], ['openid', 'identity'], ['email', 'email'], ['phone', 'phone'], ['address', 'address'],
      ['offline_access', 'offline'], ['invoices:read', 'api'], ['reports', 'api'],
    ]);
  });

  it('uses the app’s description for its own scopes, else the fallback; never for standard scopes', () => {
    const described = describeScopes(['openid', 'email', 'invoices:read', 'reports'], {
      'invoices:read': 'See and download your invoices', email: 'Nothing much', openid: 'Harmless',
    });
    expect(described).toEqual([
      { name: 'openid', description: SCOPE_DESCRIPTIONS.openid, required: true, group: 'identity' },
      { name: 'email', description: SCOPE_DESCRIPTIONS.email, required: false, group: 'email' },
      { name: 'invoices:read', description: 'See and download your invoices', required: false, group: 'api' },
      { name: 'reports', description: 'Use the "reports" permission', required: false, group: 'api' },
    ]);
  });

  it('treats scope names that are Object.prototype members as plain custom scopes', () => {
    expect(describeScopes(['constructor', 'toString'])).toEqual([
      { name: 'constructor', description: 'Use the "constructor" permission', required: false, group: 'api' },
      { name: 'toString', description: 'Use the "toString" permission', required: false, group: 'api' },
    ]);
  });
});

describe('parseScopeDescriptions', () => {
  it('reads the stored JSON and tolerates null, damage and stray entries', () => {
    expect(parseScopeDescriptions('{"invoices:read":"See your invoices"}')).toEqual({ 'invoices:read': 'See your invoices' });
    expect(parseScopeDescriptions(null)).toEqual({});
    expect(parseScopeDescriptions('')).toEqual({});
    expect(parseScopeDescriptions('{not json')).toEqual({});
    expect(parseScopeDescriptions('["a"]')).toEqual({});
    expect(parseScopeDescriptions('"text"')).toEqual({});
    expect(parseScopeDescriptions('{"email":"Reworded","a":1,"b":"","c":"Kept"}')).toEqual({ c: 'Kept' });
  });
});
