/**
 * The one place that turns results and OAuthErrors into HTTP responses:
 * JSON (RFC 6749 §5.1/§5.2, always Cache-Control: no-store), authorization responses and errors
 * for a validated redirect_uri in the request's response mode (RFC 6749 §4.1.2, §4.2.2, with
 * `state` and RFC 9207 `iss`; OAuth 2.0 Multiple Response Types §2.1; Form Post Response Mode §2),
 * and error pages. Whether an error goes back at once or is offered as a link or button is
 * decided by the caller (authorization/redirect-trust.ts, http/untrusted-redirect.ts).
 */
import type { ResponseMode } from '../authorization/response-mode.ts';
import { OAuthError, asOAuthError } from '../errors.ts';
import { formPostPage } from './form-post.ts';
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

/** An authorization response, success or error, on its way to the app's (validated) redirect URI. */
export type AuthorizationResponse = { redirectUri: string; mode: ResponseMode; params: Record<string, string> };

/**
 * The URL that carries a query or fragment response: RFC 6749 §4.1.2 adds the parameters to the
 * redirect URI's query (keeping its own), §4.2.2 puts them in the fragment, form-urlencoded.
 */
export function authorizationResponseUrl(r: AuthorizationResponse & { mode: 'query' | 'fragment' }): string {
  const url = new URL(r.redirectUri);
  if (r.mode === 'fragment') url.hash = new URLSearchParams(r.params).toString();
  else for (const [name, value] of Object.entries(r.params)) url.searchParams.set(name, value);
  return url.toString();
}

/** Sends it: a 303 to that URL, or the page that POSTs it (http/form-post.ts). */
export function authorizationResponse(r: AuthorizationResponse): HttpResponse {
  return r.mode === 'form_post' ? formPostPage(r.redirectUri, r.params) : redirect(authorizationResponseUrl({ ...r, mode: r.mode }));
}

/** RFC 6749 §4.1.2.1 / §4.2.2.1 + RFC 9207 §2: an error's parameters. */
export function errorResponseParams(err: OAuthError, state: string | undefined, issuer: string): Record<string, string> {
  return { error: err.code, error_description: err.description, ...(state !== undefined ? { state } : {}), iss: issuer };
}

/** An error the browser user sees when it cannot be sent back to the application. */
export function errorPage(err: unknown): HttpResponse {
  const e = asOAuthError(err);
  const title = e.status >= 500 ? 'Something went wrong' : 'This sign-in request cannot be completed';
  const body = `<p>${escapeHtml(e.description)}</p><p>Error code: <code>${escapeHtml(e.code)}</code></p>
<p>Return to the application you came from and try again. If this keeps happening, contact its developer.</p>`;
  return htmlPage(title, body, e.status, e.headers);
}
