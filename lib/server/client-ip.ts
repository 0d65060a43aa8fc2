/**
 * The address of the browser behind a request, for the session list. The Node server computes it
 * once per request and passes it on in CLIENT_IP_HEADER, which it first removes from the incoming
 * request so a client cannot set it.
 *
 * With PORTICO_TRUSTED_PROXIES=n (load balancers in front), the client is the n-th address from
 * the right of X-Forwarded-For + the socket peer: each trusted proxy appends the address it saw,
 * and anything further left was written by the client and may be forged.
 */
import type { IncomingMessage } from 'node:http';

export const CLIENT_IP_HEADER = 'x-portico-client-ip';

export function clientIp(req: IncomingMessage, trustedProxies: number): string | null {
  const peer = normalise(req.socket.remoteAddress);
  if (trustedProxies <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((s) => s.trim()).filter(Boolean);
  const chain = [...forwarded, ...(peer ? [peer] : [])];
  return normalise(chain[Math.max(0, chain.length - 1 - trustedProxies)]);
}

/** "::ffff:127.0.0.1" (IPv4 on a dual-stack socket) reads as "127.0.0.1". */
function normalise(address: string | undefined): string | null {
  if (!address) return null;
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/** Sets the header on the incoming request, replacing whatever the client sent. */
export function stampClientIp(req: IncomingMessage, trustedProxies: number): void {
  const ip = clientIp(req, trustedProxies);
  if (ip) req.headers[CLIENT_IP_HEADER] = ip;
  else delete req.headers[CLIENT_IP_HEADER];
}
