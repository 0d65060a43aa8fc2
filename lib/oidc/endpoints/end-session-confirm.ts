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
  );
}
