/**
 * Reads the browser session (the next-auth JWT cookie) for the framework-free protocol core.
 *
 * - The cookie is next-auth's: `next-auth.session-token`, or `__Secure-next-auth.session-token`
 *   when the issuer is https. next-auth splits values over ~3.9 kB into `.0`, `.1`, ... chunks.
 * - The value is a JWE (dir + A256GCM) keyed from the session secret; next-auth's own `decode`
 *   checks it, including `exp` (with next-auth's 15 s clock tolerance).
 * - A session the core can use must carry `sub`, `authTime`, `sid` and `amr` (set at sign-in by
 *   lib/auth/options.ts); anything else reads as "no session".
 * - `isSessionValid` (optional) checks the server-side record of the session `sid`
 *   (lib/account/user-sessions.ts): a session signed out elsewhere, idle too long, past its
 *   absolute lifetime (ended there and then), or of a user who must first replace a generated
 *   password reads as "no session", exactly like an expired cookie. It is also told where the
 *   browser is now (IP, user agent).
 *
 * No next or react imports here: lib/oidc and the production server use this directly.
 */
import { decode } from 'next-auth/jwt';
import type { BrowserSession, SessionPort } from '../oidc/ports.ts';
import { CLIENT_IP_HEADER } from '../server/client-ip.ts';

export function sessionCookieName(secureCookies: boolean): string {
  return secureCookies ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

export type SessionPortOptions = {
  secret: string;
  secureCookies: boolean;
  isSessionValid?: (userId: string, sid: string, seen: { ip: string | null; userAgent: string | null }) => Promise<boolean>;
  endSession?: (userId: string, sid: string) => Promise<unknown>;
};

export function createSessionPort(opts: SessionPortOptions): SessionPort {
  const name = sessionCookieName(opts.secureCookies);
  const attributes = `Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; SameSite=Lax${opts.secureCookies ? '; Secure' : ''}`;

  return {
    async read(request) {
      const token = sessionToken(parseCookies(request.headers.get('cookie')), name);
      if (!token) return null;
      let session: BrowserSession;
      try {
        const payload = await decode({ token, secret: opts.secret });
        const { sub, authTime, sid, amr } = payload ?? {};
        if (typeof sub !== 'string' || !sub || typeof sid !== 'string' || !sid) return null;
        if (typeof authTime !== 'number' || !Number.isInteger(authTime)) return null;
        if (!Array.isArray(amr) || !amr.every((m) => typeof m === 'string')) return null;
        session = { userId: sub, authTime, sid, amr: amr as string[] };
      } catch {
        return null; // tampered, wrong secret, malformed or expired
      }
      // Outside the try: a database failure is an error, not a silent sign-out.
      const seen = { ip: request.headers.get(CLIENT_IP_HEADER), userAgent: request.headers.get('user-agent') };
      if (opts.isSessionValid && !(await opts.isSessionValid(session.userId, session.sid, seen))) return null;
      return session;
    },

    async end(session) {
      await opts.endSession?.(session.userId, session.sid);
    },

    clearCookieHeaders(request) {
      const present = request ? [...parseCookies(request.headers.get('cookie')).keys()] : [];
      const names = new Set([name, ...present.filter((n) => chunkIndex(n, name) !== null)]);
      return [...names].map((n) => `${n}=; ${attributes}`);
    },
  };
}

/** The whole token: the plain cookie, or its chunks joined in numeric order. */
function sessionToken(cookies: Map<string, string>, name: string): string | null {
  const chunks: [number, string][] = [];
  for (const [cookieName, value] of cookies) {
    const index = chunkIndex(cookieName, name);
    if (index !== null) chunks.push([index, value]);
  }
  if (chunks.length > 0) {
    chunks.sort((a, b) => a[0] - b[0]);
    return chunks.map(([, value]) => value).join('');
  }
  return cookies.get(name) || null;
}

function chunkIndex(cookieName: string, name: string): number | null {
  if (!cookieName.startsWith(`${name}.`)) return null;
  const suffix = cookieName.slice(name.length + 1);
  return /^\d{1,3}$/.test(suffix) ? Number(suffix) : null;
}

/** RFC 6265 §5.4 cookie-string; the first occurrence of a name wins. */
function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    if (!key || cookies.has(key)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      cookies.set(key, decodeURIComponent(value));
    } catch {
      cookies.set(key, value);
    }
  }
  return cookies;
}
