/**
 * The one place that turns results and OAuthErrors into HTTP responses:
 * JSON (RFC 6749 §5.1/§5.2, always Cache-Control: no-store), error redirect URLs for a validated
 * redirect_uri (RFC 6749 §4.1.2.1, with `state` and RFC 9207 `iss`), and error pages. Whether an
 * error redirect is followed at once or offered as a link is decided by the caller
 * (authorization/redirect-trust.ts, http/untrusted-redirect.ts).
 */
import { OAuthError, asOAuthError } from '../errors.ts';
import { escapeHtml, htmlPage } from './html.ts';
import { response, type HttpResponse } from './message.ts';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): HttpResponse {
  return response(status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', ...NO_STORE, ...headers });
}

export function errorJson(err: unknown, headers: Record<string, string> = {}): HttpResponse {
  const e = asOAuthError(err);
  const extra: Record<string, string> = { ...e.headers, ...headers };
  if (e.wwwAuthenticate) extra['www-authenticate'] = e.wwwAuthenticate;
  return json({ error: e.code, error_description: e.description }, e.status, extra);
}

export function redirect(location: string, cookies: string[] = []): HttpResponse {
  return response(303, null, { location, 'cache-control': 'no-store' }, cookies);
}

/** RFC 6749 §4.1.2.1 + RFC 9207 §2: error parameters in the query of the redirect_uri. */
export function errorRedirectUrl(redirectUri: string, err: OAuthError, state: string | undefined, issuer: string): string {
  const url = new URL(redirectUri);
  url.searchParams.set('error', err.code);
  url.searchParams.set('error_description', err.description);
  if (state !== undefined) url.searchParams.set('state', state);
  url.searchParams.set('iss', issuer);
  return url.toString();
}

/** An error the browser user sees when it cannot be sent back to the application. */
export function errorPage(err: unknown): HttpResponse {
  const e = asOAuthError(err);
  const title = e.status >= 500 ? 'Something went wrong' : 'This sign-in request cannot be completed';
  const body = `<p>${escapeHtml(e.description)}</p><p>Error code: <code>${escapeHtml(e.code)}</code></p>
<p>Return to the application you came from and try again. If this keeps happening, contact its developer.</p>`;
  return htmlPage(title, body, e.status, e.headers);
}
