import { describe, expect, it } from 'vitest';
import { formParams, toParams } from './params.ts';

describe('request parameters (RFC 6749 §3.1)', () => {
  it('rejects repeated parameters and drops empty ones', () => {
    expect(() => toParams(new URLSearchParams('a=1&a=2'))).toThrow(/more than once/);
    expect(toParams(new URLSearchParams('a=&b=2'))).toEqual(new Map([['b', '2']]));
  });
  it('requires a form body', async () => {
    const json = new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await expect(formParams(json)).rejects.toThrow(/x-www-form-urlencoded/);
  });
});
