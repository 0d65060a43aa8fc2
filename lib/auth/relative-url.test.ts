import { describe, expect, it } from 'vitest';
import { sameOriginPath } from './relative-url.ts';

const ISSUER = 'https://login.example.com';

/** What a browser would do with the answer: resolve it against the page's origin. */
const landsOn = (path: string) => new URL(path, ISSUER).origin;

describe('sameOriginPath', () => {
  it.each([
    ['/oauth/authorize?interaction=abc', '/oauth/authorize?interaction=abc'],
    ['/', '/'],
    ['/developers/tokens', '/developers/tokens'],
    ['/invitations/inv_abc-123?x=1#top', '/invitations/inv_abc-123?x=1#top'],
    // Encoded slashes in the query are data, not a path.
    ['/developers/apis/new?identifier=https%3A%2F%2Fapi.example.com%2F', '/developers/apis/new?identifier=https%3A%2F%2Fapi.example.com%2F'],
    ['/device?user_code=WDJB-MJHT', '/device?user_code=WDJB-MJHT'],
    ['/a/./b/../c', '/a/c'],
  ])('keeps the same-origin path %j', (url, expected) => {
    expect(sameOriginPath(url)).toBe(expected);
  });

  // OWASP Unvalidated Redirects and Forwards Cheat Sheet; WHATWG URL §4.4 (how browsers parse).
  it.each([
    // absolute and scheme-relative
    'https://evil.example/',
    'http:evil.example',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example/path',
    '///evil.example',
    // dot segments that normalise into a scheme-relative path (issue 12: /signup?callbackUrl=/.//evil.example/x)
    '/.//evil.example/x',
    '/..//evil.example',
    '/a/..//evil.example',
    '/./..//evil.example',
    '/%2e//evil.example',
    '/%2e%2e//evil.example',
    '/%2E%2E//evil.example',
    // backslashes, which browsers read as slashes
    '/\\evil.example',
    '/\\/evil.example',
    '\\\\evil.example',
    '/.\\/evil.example',
    '/a\\b',
    // encoded separators and double encoding
    '/%2f%2fevil.example',
    '/%2F/evil.example',
    '/%5cevil.example',
    '/%5C%5Cevil.example',
    '/.%2f/evil.example',
    '/%252f%252fevil.example',
    // control characters and whitespace (stripped or mangled by parsers)
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r//evil.example',
    '/\u0000//evil.example',
    '/\u007f',
    ' //evil.example',
    '/ /evil.example',
    '/\u00a0/evil.example',
    '/\u2028/evil.example',
    // not a path at all
    'oauth/authorize',
    '',
    '?next=/',
    '#/',
    undefined,
    null,
    42,
    ['/'],
  ])('rejects %j', (url) => {
    expect(sameOriginPath(url)).toBeNull();
  });

  it('rejects paths longer than any page of Portico needs', () => {
    expect(sameOriginPath(`/${'a'.repeat(2047)}`)).not.toBeNull();
    expect(sameOriginPath(`/${'a'.repeat(2048)}`)).toBeNull(); // 2,049 characters
  });

  it('never returns a path that a browser would take to another origin', () => {
    const tricky = ['/.//x', '/..//x', '/%2e%2e/%2e%2e//x', '/a/b/../../..//x', '/;//x', '/@evil.example', '/:@evil.example'];
    for (const url of tricky) {
      const kept = sameOriginPath(url);
      if (kept !== null) expect(landsOn(kept)).toBe(ISSUER);
    }
  });
});
