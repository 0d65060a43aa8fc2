/**
 * Where the browser may be sent after sign-in, sign-up or a forced password change: only a path
 * on this origin. This is the one place that decides it (OWASP Unvalidated Redirects and Forwards
 * Cheat Sheet: allow relative paths only, validated after normalisation). Refused:
 * - anything that is not a path: absolute URLs, `javascript:`, scheme-relative `//host`;
 * - backslashes anywhere (WHATWG URL §4.4 reads `\` as `/` in special URLs, so `/\host` is `//host`),
 *   control characters and whitespace (parsers strip or mangle them);
 * - encoded separators in the path (`%2f`, `%5c`) and double encoding (`%25`), which a proxy or a
 *   framework may decode into `//host` after this check;
 * - paths whose dot segments normalise into `//host` (`/.//host`, `/..//host`, `/%2e%2e//host`):
 *   the normalised path is what is returned and checked, and a result starting with `//` is refused;
 * - anything whose resolution against the origin lands on another origin, and paths over 2,048 characters.
 */
const BASE = 'http://portico.invalid';
const MAX_LENGTH = 2048;

export function sameOriginPath(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > MAX_LENGTH || !url.startsWith('/')) return null;
  if (/[\\\u0000-\u001f\u007f\s]/.test(url)) return null;
  const path = url.split(/[?#]/, 1)[0]!;
  if (/%(2f|5c|25)/i.test(path)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url, BASE);
  } catch {
    return null;
  }
  if (parsed.origin !== BASE) return null;
  const normalised = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  if (normalised.startsWith('//') || new URL(normalised, BASE).origin !== BASE) return null;
  return normalised;
}
