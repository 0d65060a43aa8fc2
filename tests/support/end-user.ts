/**
 * An end user's trip through the protocol core, as a browser makes it: an app sends them to the
 * authorization endpoint, Portico parks the request at /login or /consent, and the screens'
 * server actions call the same use cases these helpers call. Redirects are followed by hand, so
 * each stop is visible to the test.
 */
import { expect } from 'vitest';
import { readOutbox } from '@/lib/account/mailer.ts';
import { basic, call, CHALLENGE, VERIFIER, type Harness } from './core-harness.ts';

export type App = { id: string; secret: string; redirectUri: string };

/** The app's "Sign in with Portico": GET /oauth/authorize with PKCE, with or without a session cookie. */
export async function startAuthorization(h: Harness, app: App, scope: string, cookie?: string, extra: Record<string, string> = {}): Promise<URL> {
  const params = new URLSearchParams({
    client_id: app.id, redirect_uri: app.redirectUri, response_type: 'code', scope, state: 'st-end-user',
    code_challenge: CHALLENGE, code_challenge_method: 'S256', ...extra,
  });
  return locationOf(await call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: cookie ? { cookie } : {} }), h);
}

/** Back to /oauth/authorize?interaction=… (what the screens send the browser to), with the session cookie. */
export async function resume(h: Harness, resumeUrl: string, cookie: string): Promise<URL> {
  return locationOf(await call(h, 'authorize', { path: resumeUrl, headers: { cookie } }), h);
}

export function locationOf(res: Response, h: Harness): URL {
  expect(res.status).toBeGreaterThanOrEqual(300);
  expect(res.status).toBeLessThan(400);
  return new URL(res.headers.get('location')!, h.config.issuer);
}

export async function redeemCode(h: Harness, app: App, code: string) {
  const res = await call(h, 'token', {
    body: { grant_type: 'authorization_code', code, redirect_uri: app.redirectUri, code_verifier: VERIFIER },
    headers: { authorization: basic(app.id, app.secret) },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { access_token: string; id_token: string; scope: string };
}

export async function userinfo(h: Harness, accessToken: string): Promise<Record<string, unknown>> {
  const res = await call(h, 'userinfo', { headers: { authorization: `Bearer ${accessToken}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

export const idTokenClaims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

/** Every message in the run's outbox to `to`, oldest first. */
export async function mailTo(h: Harness, to: string) {
  return (await readOutbox(h.config.dataDir, 10_000)).filter((m) => m.to === to).reverse();
}

/** The `path?token=…` link in the newest message to `to` (the URL a person would open). */
export async function newestLink(h: Harness, to: string, path: string): Promise<URL> {
  const words = (await mailTo(h, to)).flatMap((m) => m.text.split(/\s+/));
  const link = words.filter((w) => w.startsWith(`${h.config.issuer}${path}`)).at(-1);
  if (!link) throw new Error(`no ${path} link mailed to ${to}`);
  return new URL(link);
}
