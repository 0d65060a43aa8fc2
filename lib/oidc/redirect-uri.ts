/**
 * Redirect URI rules.
 *
 * Registration (RFC 6749 §3.1.2, RFC 8252 §7, OAuth 2.0 Security BCP):
 * - absolute URI, no fragment (§3.1.2), no wildcards;
 * - https, except http on a loopback host (127.0.0.1, [::1], localhost) for local development
 *   and native apps (RFC 8252 §7.3);
 * - private-use ("custom") schemes such as com.example.app:/callback only for native apps (RFC 8252 §7.1).
 *
 * Matching at the authorization endpoint (RFC 6749 §3.1.2.3): exact string comparison against the
 * registered list; no prefix, path or wildcard matching. One exception, RFC 8252 §7.3: for a native
 * app's loopback IP redirect URI the port may differ (the app picks a free port at run time) —
 * scheme, host, path and query must still match exactly.
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

export type ClientKind = 'web' | 'spa' | 'native' | 'service';

export function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/** Returns null when the URI may be registered, otherwise the rule it breaks. */
export function redirectUriProblem(uri: string, kind: ClientKind): string | null {
  if (uri.includes('*')) return 'must not contain wildcards';
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'must be an absolute URI';
  }
  if (uri.includes('#')) return 'must not contain a fragment (RFC 6749 §3.1.2)';
  if (url.protocol === 'https:') return url.hostname ? null : 'must name a host';
  if (url.protocol === 'http:') return isLoopback(url) ? null : 'must use https (http is allowed only for localhost, 127.0.0.1 and [::1])';
  if (['javascript:', 'data:', 'file:', 'vbscript:'].includes(url.protocol)) return `must not use the ${url.protocol} scheme`;
  if (kind !== 'native') return 'may use a custom scheme only for native apps (RFC 8252 §7.1)';
  // RFC 8252 §7.1: private-use schemes should be reverse domain names, so they do not collide.
  if (!url.protocol.slice(0, -1).includes('.')) return 'must use a reverse domain name as its custom scheme, such as com.example.app:/callback (RFC 8252 §7.1)';
  return null;
}

export function matchRedirectUri(requested: string, registered: readonly string[], kind: ClientKind): boolean {
  if (registered.includes(requested)) return true;
  if (kind !== 'native') return false;
  let req: URL;
  try {
    req = new URL(requested);
  } catch {
    return false;
  }
  if (!isLoopback(req) || requested.includes('#')) return false;
  return registered.some((candidate) => {
    let reg: URL;
    try {
      reg = new URL(candidate);
    } catch {
      return false;
    }
    return isLoopback(reg) && withoutPort(reg) === withoutPort(req);
  });
}

function withoutPort(url: URL): string {
  const copy = new URL(url.toString());
  copy.port = '';
  return copy.toString();
}
