/**
 * OAuth 2.0 Form Post Response Mode §2: the authorization response as an HTML page whose form
 * POSTs the parameters to the redirect URI as hidden fields, submitted by script as soon as the page
 * loads (§2.2 example), with a Continue button for a browser without script.
 * The page runs nothing else (§4 of the spec warns it carries tokens):
 * - Content-Security-Policy: only the one inline script (and style) carrying this response's nonce
 *   runs — no 'unsafe-inline' — and form-action names exactly the redirect URI's origin, so the
 *   form can go nowhere else; no framing, no <base>.
 * - Cache-Control no-store (the parameters must not be kept), Referrer-Policy no-referrer.
 * - Every name and value is HTML-escaped.
 */
import { randomBytes } from 'node:crypto';
import { escapeHtml, htmlPage } from './html.ts';
import type { HttpResponse } from './message.ts';

const FORM_ID = 'authorization-response';

/** §2: the page that posts `params` to `redirectUri` on its own. */
export function formPostPage(redirectUri: string, params: Record<string, string>): HttpResponse {
  const nonce = randomBytes(18).toString('base64');
  const to = destinationHost(redirectUri);
  const body = `<p>Taking you back to <strong>${to}</strong>…</p>
${responseForm(redirectUri, params, `<noscript><p>Your browser is not running scripts: press Continue to go back to the app.</p>
<button type="submit">Continue to ${to}</button></noscript>`)}
<script nonce="${nonce}">HTMLFormElement.prototype.submit.call(document.getElementById('${FORM_ID}'))</script>`;
  return htmlPage('Returning to the app', body, 200, { pragma: 'no-cache' }, { nonce, formAction: formActionSource(redirectUri) });
}

/** A form posting `params` to `redirectUri` as hidden fields, with `controlsHtml` (escaped HTML) inside it. */
export function responseForm(redirectUri: string, params: Record<string, string>, controlsHtml: string): string {
  const fields = Object.entries(params)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  return `<form id="${FORM_ID}" method="post" action="${escapeHtml(redirectUri)}">
${fields}
${controlsHtml}
</form>`;
}

/** CSP form-action for a form_post redirect URI (authorization/response-mode.ts formPostable). */
export const formActionSource = (redirectUri: string) => new URL(redirectUri).origin;

/** The redirect URI's host, escaped, to name where the user is going. */
export const destinationHost = (redirectUri: string) => escapeHtml(new URL(redirectUri).host);
