/**
 * Where the browser may be sent after sign-in: only a path on this origin.
 * Rejects absolute and scheme-relative URLs (`//evil.example`), backslash tricks (`/\evil.example`,
 * which browsers treat like `//`) and control characters, so a crafted link cannot turn the
 * sign-in page into an open redirector.
 */
const BASE = 'http://portico.invalid';

export function sameOriginPath(url: unknown): string | null {
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//')) return null;
  if (/[\\\u0000-\u001f\u007f\s]/.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url, BASE);
  } catch {
    return null;
  }
  if (parsed.origin !== BASE) return null;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
