/**
 * RFC 9700 §4.11.2 (the authorization server as open redirector): when a redirect to an app's
 * registered URI is not trusted (authorization/redirect-trust.ts), Portico does not send the
 * browser there on its own — it would lend its name to a link anyone can make by registering an
 * app. It "informs the user and relies on the user": these pages say which app it is (marked
 * unverified), what happened in plain words and where the link goes, and offer the exact response
 * the redirect would have delivered: a link to the same URL (query or fragment), or for form_post a
 * Continue button posting the same fields — no script, and the form may go to that origin only.
 * Everything shown is escaped; html.ts adds the strict headers.
 */
import { errorInPlainWords, type OAuthError } from '../errors.ts';
import { paths } from '../context.ts';
import { destinationHost, formActionSource, responseForm } from './form-post.ts';
import { escapeHtml, htmlPage } from './html.ts';
import type { HttpResponse } from './message.ts';
import { authorizationResponseUrl, type AuthorizationResponse } from './responses.ts';

export type UntrustedApp = { name: string };

/** An authorization error for an app nobody vouched for, with a link or button delivering its error response. */
export function untrustedErrorRedirectPage(app: UntrustedApp, err: OAuthError, errorResponse: AuthorizationResponse): HttpResponse {
  const advice = (to: string) => `Portico has not checked who runs this app. If you were using it and trust it, you can go back to it at ${to}; otherwise close this window.`;
  const body = `${appLine(app)}
<p>${escapeHtml(errorInPlainWords(err))}</p>
<p>Error code: <code>${escapeHtml(err.code)}</code> — ${escapeHtml(err.description)}</p>
${errorResponse.mode === 'form_post' ? continueButton(errorResponse, advice) : continueLink(authorizationResponseUrl({ ...errorResponse, mode: errorResponse.mode }), advice)}`;
  const policy = errorResponse.mode === 'form_post' ? { formAction: formActionSource(errorResponse.redirectUri) } : {};
  return htmlPage('This sign-in request cannot be completed', body, err.status, {}, policy);
}

/** RP-Initiated Logout: signed out, and the app's post_logout_redirect_uri offered as a link. */
export function signedOutWithLinkPage(app: UntrustedApp, redirectUrl: string): HttpResponse {
  const body = `<p>You can close this window now.</p>
${appLine(app)}
${continueLink(redirectUrl, (to) => `This app asked to send you to ${to} after signing out. Portico has not checked who runs it: continue only if you trust it.`)}
<p><a href="${escapeHtml(paths.login)}">Sign in again</a></p>`;
  return htmlPage('You are signed out', body);
}

const appLine = (app: UntrustedApp) => `<p><strong>${escapeHtml(app.name)}</strong> <span class="unverified">Unverified app</span></p>`;

/** Schemes a link must never use, whatever was registered (registration refuses them too). */
const UNSAFE_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'file:', 'blob:']);

/** `advice` gets the destination as escaped HTML and returns escaped HTML. */
function continueLink(redirectUrl: string, advice: (destinationHtml: string) => string): string {
  const url = new URL(redirectUrl);
  // A native app's private-use scheme has no host: name the scheme instead (RFC 8252 §7.1).
  const destination = escapeHtml(url.host || url.protocol.slice(0, -1));
  if (UNSAFE_SCHEMES.has(url.protocol)) return `<p>The app's address (${destination}) cannot be opened from here.</p>`;
  return `<p>${advice(`<strong>${destination}</strong>`)}</p>
<p><a class="button" href="${escapeHtml(url.toString())}" rel="noreferrer">Continue to ${destination}</a></p>`;
}

/** Form Post Response Mode §2, at the user's press: the same fields, posted by a visible button. */
function continueButton(r: AuthorizationResponse, advice: (destinationHtml: string) => string): string {
  const to = destinationHost(r.redirectUri);
  return `<p>${advice(`<strong>${to}</strong>`)}</p>
${responseForm(r.redirectUri, r.params, `<p><button type="submit">Continue to ${to}</button></p>`)}`;
}
