import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { CLIENT_IP_HEADER, clientIp, stampClientIp } from './client-ip.ts';

const request = (remoteAddress: string | undefined, headers: Record<string, string | string[]> = {}) =>
  ({ socket: { remoteAddress }, headers: { ...headers } }) as unknown as IncomingMessage;

describe('the client address', () => {
  it('is the TCP peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientIp(request('203.0.113.5', { 'x-forwarded-for': '198.51.100.1' }), 0)).toBe('203.0.113.5');
    expect(clientIp(request('::ffff:192.0.2.1'), 0)).toBe('192.0.2.1');
    expect(clientIp(request('2001:db8::1'), 0)).toBe('2001:db8::1');
    expect(clientIp(request(undefined), 0)).toBeNull();
  });

  it('is the address the outermost trusted proxy saw, never one the client wrote further left', () => {
    const behindOne = request('10.0.0.2', { 'x-forwarded-for': 'forged, 198.51.100.7' });
    expect(clientIp(behindOne, 1)).toBe('198.51.100.7');
    const behindTwo = request('10.0.0.2', { 'x-forwarded-for': ['forged, 198.51.100.7', '10.0.0.9'] });
    expect(clientIp(behindTwo, 2)).toBe('198.51.100.7');
    // Fewer hops than configured: the leftmost address there is.
    expect(clientIp(request('10.0.0.2'), 3)).toBe('10.0.0.2');
  });

  it('replaces a header the client sent itself', () => {
    const req = request('203.0.113.5', { [CLIENT_IP_HEADER]: '1.2.3.4' });
    stampClientIp(req, 0);
    expect(req.headers[CLIENT_IP_HEADER]).toBe('203.0.113.5');
    const unknown = request(undefined, { [CLIENT_IP_HEADER]: '1.2.3.4' });
    stampClientIp(unknown, 0);
    expect(unknown.headers[CLIENT_IP_HEADER]).toBeUndefined();
  });
});
