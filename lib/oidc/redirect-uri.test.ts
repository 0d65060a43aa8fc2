import { describe, expect, it } from 'vitest';
import { matchRedirectUri, redirectUriProblem } from './redirect-uri.ts';

describe('redirect URI registration', () => {
  it('accepts https and loopback http', () => {
    expect(redirectUriProblem('https://app.example.com/cb', 'web')).toBeNull();
    expect(redirectUriProblem('http://localhost:3000/cb', 'web')).toBeNull();
    expect(redirectUriProblem('http://127.0.0.1/cb', 'native')).toBeNull();
    expect(redirectUriProblem('http://[::1]:8080/cb', 'spa')).toBeNull();
  });

  it('refuses what RFC 6749 §3.1.2 and RFC 8252 forbid, naming the rule', () => {
    expect(redirectUriProblem('/relative', 'web')).toMatch(/absolute/);
    expect(redirectUriProblem('https://app.example.com/cb#x', 'web')).toMatch(/fragment/);
    expect(redirectUriProblem('http://app.example.com/cb', 'web')).toMatch(/https/);
    expect(redirectUriProblem('https://*.example.com/cb', 'web')).toMatch(/wildcard/);
    expect(redirectUriProblem('com.example.app:/cb', 'web')).toMatch(/native/);
    expect(redirectUriProblem('myapp:/cb', 'native')).toMatch(/reverse domain/);
    expect(redirectUriProblem('javascript:alert(1)', 'native')).toMatch(/javascript/);
    expect(redirectUriProblem('com.example.app:/cb', 'native')).toBeNull();
  });
});

describe('redirect URI matching (RFC 6749 §3.1.2.3, RFC 8252 §7.3)', () => {
  const registered = ['https://app.example.com/cb', 'http://127.0.0.1/cb', 'com.example.app:/cb'];

  it('matches exactly, with no prefix, case or trailing-slash leniency', () => {
    expect(matchRedirectUri('https://app.example.com/cb', registered, 'web')).toBe(true);
    expect(matchRedirectUri('https://app.example.com/cb/', registered, 'web')).toBe(false);
    expect(matchRedirectUri('https://app.example.com/cb?x=1', registered, 'web')).toBe(false);
    expect(matchRedirectUri('https://app.example.com/cbx', registered, 'web')).toBe(false);
    expect(matchRedirectUri('https://APP.example.com/cb', registered, 'web')).toBe(false);
    expect(matchRedirectUri('https://evil.example.com/cb', registered, 'web')).toBe(false);
  });

  it('lets a native app vary only the port of a loopback redirect', () => {
    expect(matchRedirectUri('http://127.0.0.1:51234/cb', registered, 'native')).toBe(true);
    expect(matchRedirectUri('http://127.0.0.1:51234/other', registered, 'native')).toBe(false);
    expect(matchRedirectUri('http://127.0.0.2:51234/cb', registered, 'native')).toBe(false);
    expect(matchRedirectUri('https://127.0.0.1:51234/cb', registered, 'native')).toBe(false);
    expect(matchRedirectUri('http://127.0.0.1:51234/cb', registered, 'web')).toBe(false);
    expect(matchRedirectUri('com.example.app:/cb', registered, 'native')).toBe(true);
  });
});
