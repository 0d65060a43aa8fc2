import { describe, expect, it } from 'vitest';
import { sameOriginPath } from './relative-url.ts';

describe('sameOriginPath', () => {
  it('keeps same-origin paths with their query', () => {
    expect(sameOriginPath('/oauth/authorize?interaction=abc')).toBe('/oauth/authorize?interaction=abc');
    expect(sameOriginPath('/')).toBe('/');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'oauth/authorize',
    '',
    undefined,
    42,
  ])('rejects %j', (url) => {
    expect(sameOriginPath(url)).toBeNull();
  });
});
