import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { createSessionPort } from './session-port.ts';

const secret = 'test-session-secret-that-is-long-enough:session';
const claims = { sub: 'user-1', email: 'ada@example.com', authTime: 1_700_000_000, sid: 'sid-1', amr: ['pwd'] };

function requestWithCookie(cookie?: string): Request {
  return new Request('http://localhost:3000/oauth/authorize', cookie ? { headers: { cookie } } : {});
}

describe('session port', () => {
  const port = createSessionPort({ secret, secureCookies: false });

  it('reads a session token issued by next-auth', async () => {
    const token = await encode({ token: claims, secret });
    const session = await port.read(requestWithCookie(`other=1; next-auth.session-token=${token}`));
    expect(session).toEqual({ userId: 'user-1', authTime: 1_700_000_000, sid: 'sid-1', amr: ['pwd'] });
  });

  it('uses the __Secure- cookie name only when cookies are secure', async () => {
    const token = await encode({ token: claims, secret });
    const secure = createSessionPort({ secret, secureCookies: true });
    expect(await secure.read(requestWithCookie(`__Secure-next-auth.session-token=${token}`))).toMatchObject({
      userId: 'user-1',
    });
    expect(await secure.read(requestWithCookie(`next-auth.session-token=${token}`))).toBeNull();
    expect(await port.read(requestWithCookie(`__Secure-next-auth.session-token=${token}`))).toBeNull();
  });

  it('joins chunked cookies in numeric order', async () => {
    const token = await encode({ token: claims, secret });
    const cut = Math.floor(token.length / 2);
    const cookie = `next-auth.session-token.1=${token.slice(cut)}; next-auth.session-token.0=${token.slice(0, cut)}`;
    expect(await port.read(requestWithCookie(cookie))).toMatchObject({ userId: 'user-1', sid: 'sid-1' });
  });

  it('returns null without a cookie', async () => {
    expect(await port.read(requestWithCookie())).toBeNull();
    expect(await port.read(requestWithCookie('next-auth.session-token='))).toBeNull();
  });

  it('returns null for a token sealed with another secret', async () => {
    const token = await encode({ token: claims, secret: 'another-secret-entirely-another-secret' });
    expect(await port.read(requestWithCookie(`next-auth.session-token=${token}`))).toBeNull();
  });

  it('returns null for a tampered or malformed token', async () => {
    const token = await encode({ token: claims, secret });
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect(await port.read(requestWithCookie(`next-auth.session-token=${tampered}`))).toBeNull();
    expect(await port.read(requestWithCookie('next-auth.session-token=not-a-jwt'))).toBeNull();
  });

  it('returns null for an expired token', async () => {
    const token = await encode({ token: claims, secret, maxAge: -60 });
    expect(await port.read(requestWithCookie(`next-auth.session-token=${token}`))).toBeNull();
  });

  it('returns null when the token lacks the claims set at sign-in', async () => {
    const { sid: _sid, ...withoutSid } = claims;
    const token = await encode({ token: withoutSid, secret });
    expect(await port.read(requestWithCookie(`next-auth.session-token=${token}`))).toBeNull();
    const { amr: _amr, ...withoutAmr } = claims;
    const noMethods = await encode({ token: withoutAmr, secret });
    expect(await port.read(requestWithCookie(`next-auth.session-token=${noMethods}`))).toBeNull();
  });

  it('asks whether the session record is still live, telling where the browser is', async () => {
    const seen: unknown[] = [];
    const checked = createSessionPort({
      secret,
      secureCookies: false,
      isSessionValid: async (userId, sid, from) => (seen.push([userId, sid, from]), sid === 'sid-1'),
    });
    const token = await encode({ token: claims, secret });
    const request = new Request('http://localhost/', { headers: { cookie: `next-auth.session-token=${token}`, 'user-agent': 'UA', 'x-portico-client-ip': '192.0.2.4' } });
    expect(await checked.read(request)).toMatchObject({ sid: 'sid-1' });
    expect(seen).toEqual([['user-1', 'sid-1', { ip: '192.0.2.4', userAgent: 'UA' }]]);
    const ended = await encode({ token: { ...claims, sid: 'sid-2' }, secret });
    expect(await checked.read(requestWithCookie(`next-auth.session-token=${ended}`))).toBeNull();
  });

  it('builds Set-Cookie headers that delete the session cookie and its chunks', () => {
    expect(port.clearCookieHeaders()).toEqual([
      'next-auth.session-token=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; SameSite=Lax',
    ]);
    const secure = createSessionPort({ secret, secureCookies: true });
    const headers = secure.clearCookieHeaders(
      requestWithCookie('__Secure-next-auth.session-token.0=a; __Secure-next-auth.session-token.1=b; theme=dark'),
    );
    expect(headers.map((h) => h.split('=')[0])).toEqual([
      '__Secure-next-auth.session-token',
      '__Secure-next-auth.session-token.0',
      '__Secure-next-auth.session-token.1',
    ]);
    for (const header of headers) expect(header).toMatch(/Max-Age=0; HttpOnly; SameSite=Lax; Secure$/);
  });
});
