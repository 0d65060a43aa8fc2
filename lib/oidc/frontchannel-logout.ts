/**
 * OpenID Connect Front-Channel Logout 1.0: when a browser session ends, the signed-out page loads
 * each app's frontchannel_logout_uri in a hidden iframe, so the app ends its own session in the
 * same browser.
 * - Which apps (§4): every app that received a grant during the session that ended
 *   (GrantStore.clientsOfSession) and registered a frontchannel_logout_uri; not a disabled one.
 * - §2, §4: an app that registered frontchannel_logout_session_required gets `iss` (this issuer)
 *   and `sid` (the session, as in its ID tokens' sid) added to the URI's query; others get the URI
 *   as registered.
 * - The page (§4) is served with its own Content-Security-Policy: frame-src names exactly the
 *   origins of those iframes and nothing else may be framed; no other script than the page's own
 *   (by nonce), no framing of the page itself. A URI whose origin cannot be written as a CSP source
 *   (only http(s) with a plain DNS name or IPv4 address) is left out rather than loosening the policy.
 * - Then the user goes on (§4, RP-Initiated Logout §3): to the post_logout_redirect_uri once the
 *   iframes have loaded (the window's load event waits for them) or after FRAME_TIMEOUT_MS,
 *   whichever comes first, with a link for a browser without script; without one, the page says
 *   they are signed out. Only trusted destinations get here (end-session.ts; RFC 9700 §4.11.2).
 * - Every value in the page is escaped.
 */
import { randomBytes } from 'node:crypto';
import { paths, type ProviderContext } from './context.ts';
import { escapeHtml, htmlPage } from './http/html.ts';
import type { HttpResponse } from './http/message.ts';

/** How long the page waits for the apps' iframes before going on. */
export const FRAME_TIMEOUT_MS = 3_000;

export type FrontChannelFrame = { appName: string; src: string; origin: string };

/** The iframes for the ended session `sid` of `userId`, one per app that asked for them. */
export async function frontChannelFrames(ctx: ProviderContext, userId: string, sid: string): Promise<FrontChannelFrame[]> {
  const clientIds = await ctx.stores.grants.clientsOfSession(userId, sid);
  const clients = await Promise.all(clientIds.map((id) => ctx.stores.clients.find(id)));
  const frames: FrontChannelFrame[] = [];
  for (const client of clients) {
    if (!client?.frontchannelLogoutUri || client.disabled) continue;
    const url = frameUrl(client.frontchannelLogoutUri);
    if (!url) {
      ctx.log(`front-channel logout URI of ${client.id} cannot be framed; left out`);
      continue;
    }
    // §2: iss and sid when the app asked for them, in the query it registered.
    if (client.frontchannelLogoutSessionRequired) {
      url.searchParams.set('iss', ctx.settings.issuer);
      url.searchParams.set('sid', sid);
    }
    frames.push({ appName: client.name, src: url.toString(), origin: url.origin });
  }
  return frames;
}

/** A host CSP can name as it is: a DNS name or an IPv4 address (CSP3 host-source has no IPv6 literal). */
const PLAIN_HOST = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/;

function frameUrl(uri: string): URL | null {
  try {
    const url = new URL(uri);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!PLAIN_HOST.test(url.hostname) || url.username || url.password) return null;
    url.hash = '';
    return url;
  } catch {
    return null;
  }
}

/**
 * The signed-out page with the apps' iframes; `continueTo`: the (trusted) post_logout_redirect_uri
 * with its state, or null to stay on the page.
 */
export function signedOutWithFramesPage(frames: readonly FrontChannelFrame[], continueTo: string | null): HttpResponse {
  const nonce = randomBytes(18).toString('base64');
  const iframes = frames.map((f) => `<iframe src="${escapeHtml(f.src)}" title="Signing you out of ${escapeHtml(f.appName)}" hidden></iframe>`).join('\n');
  const destination = continueTo ? new URL(continueTo) : null;
  const body = destination
    ? `<p>Signing you out of the apps you used…</p>
<p><a class="button" id="continue" href="${escapeHtml(destination.toString())}" rel="noreferrer">Continue to ${escapeHtml(destination.host || destination.protocol.slice(0, -1))}</a></p>
${iframes}
<script nonce="${nonce}">(function(){var done=false;function go(){if(done)return;done=true;location.replace(document.getElementById('continue').href)}addEventListener('load',go);setTimeout(go,${FRAME_TIMEOUT_MS})})()</script>`
    : `<p>You can close this window now.</p>
<p><a href="${escapeHtml(paths.login)}">Sign in again</a></p>
${iframes}`;
  const policy = frameContentSecurityPolicy(nonce, frames, destination !== null);
  return htmlPage('You are signed out', body, 200, { 'content-security-policy': policy }, { nonce });
}

/** html.ts's strict policy, with frame-src opened to exactly the apps' origins. */
export function frameContentSecurityPolicy(nonce: string, frames: readonly FrontChannelFrame[], script: boolean): string {
  return [
    "default-src 'none'",
    ...(script ? [`script-src 'nonce-${nonce}'`] : []),
    `style-src 'nonce-${nonce}'`,
    `frame-src ${frames.length ? [...new Set(frames.map((f) => f.origin))].join(' ') : "'none'"}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}
