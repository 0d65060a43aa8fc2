/**
 * Security headers on every response of the production server, in one place.
 *
 * - Every response: X-Content-Type-Options nosniff; Referrer-Policy no-referrer (authorization,
 *   consent and callback URLs carry codes, states and request parameters that must not leak to
 *   the next site in a Referer); Strict-Transport-Security when the issuer is https (RFC 6797;
 *   TLS ends at the balancer, so the scheme of the issuer is what the browser saw).
 * - Pages (everything Next.js renders): a Content-Security-Policy with a fresh nonce per request.
 *   Next.js reads the nonce from the request's CSP header and puts it on every script it emits,
 *   so `script-src 'nonce-…' 'strict-dynamic'` lets exactly those run and nothing injected.
 *   frame-ancestors 'none' and X-Frame-Options DENY: no page may be framed (clickjacking on the
 *   sign-in and consent screens, RFC 6749 §10.13). The root layout renders every page
 *   dynamically, since a prerendered page would carry no nonce.
 * - The protocol core's own HTML pages (error pages, logout confirmation) set a stricter policy of
 *   their own (lib/oidc/http/html.ts); JSON responses need none.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const HSTS = 'max-age=31536000';

export function setCommonSecurityHeaders(res: ServerResponse, httpsIssuer: boolean): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  if (httpsIssuer) res.setHeader('strict-transport-security', HSTS);
}

export function pageContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // React and Tailwind set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // App logos may be hosted by the app (logo_uri, RFC 7591 §2), over http on a developer machine.
    "img-src 'self' data: blob: https: http:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Before Next.js renders: the nonce goes to Next in the request header, the policy to the browser. */
export function preparePageSecurity(req: IncomingMessage, res: ServerResponse): void {
  const policy = pageContentSecurityPolicy(randomBytes(16).toString('base64'));
  req.headers['content-security-policy'] = policy;
  delete req.headers['content-security-policy-report-only'];
  res.setHeader('content-security-policy', policy);
  res.setHeader('x-frame-options', 'DENY');
}
