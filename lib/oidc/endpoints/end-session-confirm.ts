import { escapeHtml, htmlPage } from '../http/html.ts';
import type { HttpResponse } from '../http/message.ts';
import type { Params } from '../http/params.ts';

/** The "Sign out of Portico?" question, posting the same parameters back with confirm=yes. */
export function confirmLogoutPage(action: string, params: Params): HttpResponse {
  const hidden = [...params]
    .filter(([k]) => k !== 'confirm')
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return htmlPage(
    'Sign out of Portico?',
    `<p>An application asked to sign you out of your Portico account on this device.</p>
<form method="post" action="${escapeHtml(action)}">${hidden}<input type="hidden" name="confirm" value="yes"><button type="submit">Sign out</button></form>`,
    200,
    {},
    { formAction: confirmFormAction(params.get('post_logout_redirect_uri')) },
  );
}

/**
 * Browsers apply CSP form-action to where a submitted form is redirected too (CSP Level 3
 * §6.4.1), and the confirmed sign-out ends in a redirect to the app's post_logout_redirect_uri
 * (RP-Initiated Logout §3): the policy names that destination beside this server — its origin, or
 * the scheme of a native app's custom-scheme URI. Anything that cannot be written as a CSP source
 * is left out (the redirect is then shown, not followed).
 */
export function confirmFormAction(postLogoutRedirectUri: string | undefined): string {
  if (!postLogoutRedirectUri) return "'self'";
  let url: URL;
  try {
    url = new URL(postLogoutRedirectUri);
  } catch {
    return "'self'";
  }
  const source = url.origin !== 'null' ? url.origin : url.protocol;
  return /^[a-z][a-z0-9+.-]*:(\/\/[a-z0-9.-]+(:\d+)?)?$/i.test(source) ? `'self' ${source}` : "'self'";
}
