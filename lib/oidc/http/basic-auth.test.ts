import { describe, expect, it } from 'vitest';
import { basicCredentials } from './basic-auth.ts';
import type { HttpRequest } from './message.ts';

const withAuthorization = (value: string | null): HttpRequest => ({
  receivedAt: 0,
  method: 'POST',
  url: 'http://localhost/oauth/token',
  headers: { get: (name) => (name.toLowerCase() === 'authorization' ? value : null) },
  text: async () => '',
});
const basic = (raw: string) => withAuthorization(`Basic ${Buffer.from(raw).toString('base64')}`);

describe('HTTP Basic client credentials (RFC 6749 §2.3.1)', () => {
  it('reads a plain client_id and secret', () => {
    expect(basicCredentials(basic('app-1:cs_abc-DEF_123'))).toEqual({ clientId: 'app-1', clientSecret: 'cs_abc-DEF_123' });
  });

  it('form-decodes both parts: "+" is a space, %XX an octet, so a colon may hide in the id', () => {
    expect(basicCredentials(basic('my%3Aapp:p%40ss+word%2B'))).toEqual({ clientId: 'my:app', clientSecret: 'p@ss word+' });
  });

  it('takes the scheme in any case and ignores other schemes', () => {
    expect(basicCredentials(withAuthorization(`bAsIc ${Buffer.from('a:b').toString('base64')}`))).toEqual({ clientId: 'a', clientSecret: 'b' });
    expect(basicCredentials(withAuthorization('Bearer abc'))).toBeNull();
    expect(basicCredentials(withAuthorization(null))).toBeNull();
  });

  it('refuses a header without a colon or with broken percent-encoding as invalid_client', () => {
    expect(() => basicCredentials(basic('no-colon'))).toThrow(expect.objectContaining({ code: 'invalid_client' }));
    expect(() => basicCredentials(basic('app:%E0%A4%A'))).toThrow(expect.objectContaining({ code: 'invalid_client' }));
  });
});
