/**
 * RP-Initiated Logout 1.0. Ends the user's Portico browser session.
 * - post_logout_redirect_uri is honoured only when it exactly matches one registered by the client
 *   identified by id_token_hint (its aud) or client_id (§2, §3); otherwise an error page — never an
 *   open redirect. `state` is passed back (§3).
 * - A valid id_token_hint for the signed-in user logs out at once; without one (or for another
 *   user), the user is asked to confirm, so a third-party page cannot silently sign them out (§2).
 * - The browser is sent to post_logout_redirect_uri on its own only when that is trusted
 *   (authorization/redirect-trust.ts): the app is verified, it presented a valid id_token_hint, or
 *   a signed-in user confirmed. A bare link with client_id and nobody signed in gets the signed-out
 *   page with the app's URI as a link instead (RFC 9700 §4.11.2), so anyone who registers an app
 *   cannot use this endpoint as a redirector.
 * - Front-Channel Logout 1.0 §4: when apps that got a grant in the ended session registered a
 *   frontchannel_logout_uri, the answer is the signed-out page loading them in iframes, which then
 *   goes on to post_logout_redirect_uri (frontchannel-logout.ts). That happens only when a session
 *   ended, and then the destination is trusted, so the interstitial above never carries iframes.
 *   Portico's own sign-out can come here too: a POST with confirm=yes and no other parameter.
 */
import type { ProviderContext } from '../context.ts';
import { paths } from '../context.ts';
import { asOAuthError, invalidAuthorizationRequest } from '../errors.ts';
import type { HttpRequest, HttpResponse } from '../http/message.ts';
import { requestParams, type Params } from '../http/params.ts';
import { errorPage, redirect } from '../http/responses.ts';
import { signedOutWithLinkPage } from '../http/untrusted-redirect.ts';
import { redirectTrusted } from '../authorization/redirect-trust.ts';
import type { ClientRecord } from '../ports.ts';
import { verifyIdTokenHint } from '../id-token-hint.ts';
import type { BackchannelLogout } from '../backchannel-logout.ts';
import { frontChannelFrames, signedOutWithFramesPage } from '../frontchannel-logout.ts';
import { confirmLogoutPage } from './end-session-confirm.ts';

export function endSessionEndpoint(ctx: ProviderContext, logout: BackchannelLogout) {
  return async function endSession(request: HttpRequest): Promise<HttpResponse> {
    try {
      const params = await requestParams(request);
      const hintToken = params.get('id_token_hint');
      const hint = hintToken ? await verifyIdTokenHint(hintToken, ctx) : null;
      if (hintToken && !hint) throw invalidAuthorizationRequest('id_token_hint is not a valid ID token issued by this server.');
      const clientId = params.get('client_id');
      if (hint && clientId && !hint.aud.includes(clientId)) throw invalidAuthorizationRequest('client_id does not match the id_token_hint audience.');

      const destination = await logoutDestination(ctx, params, clientId ?? hint?.aud[0]);
      const session = await ctx.session.read(request);
      const confirmed = request.method === 'POST' && params.get('confirm') === 'yes';
      if (session && !confirmed && (!hint || !hint.namesUser(session.userId))) {
        return confirmLogoutPage(paths.endSession, params);
      }
      const cookies = ctx.session.clearCookieHeaders(request);
      if (session) await ctx.session.end(session);
      // Back-Channel Logout §2.7: apps are told after the session has ended, without delaying the user.
      if (session) void logout.sessionEnded(session.userId, session.sid).catch((err) => ctx.log('back-channel logout failed', err));
      // The session has ended either way: a failure here costs the iframes, not the sign-out.
      const frames = session
        ? await frontChannelFrames(ctx, session.userId, session.sid).catch((err: unknown) => {
            ctx.log('front-channel logout failed', err);
            return [];
          })
        : [];
      // Here a session means its user confirmed (or named it by id_token_hint): they authenticated first.
      const trusted = destination !== null && redirectTrusted(destination.client, hint !== null || session !== null);
      if (frames.length && (trusted || !destination)) return withCookies(signedOutWithFramesPage(frames, destination?.url ?? null), cookies);
      if (!destination) return redirect(paths.loggedOut, cookies);
      if (trusted) return redirect(destination.url, cookies);
      return withCookies(signedOutWithLinkPage(destination.client, destination.url), cookies);
    } catch (err) {
      return errorPage(asOAuthError(err, (x) => ctx.log('end-session failed', x)));
    }
  };
}

/** The registered post_logout_redirect_uri (with `state`) and its app, or null for Portico's own page. */
async function logoutDestination(ctx: ProviderContext, params: Params, clientId: string | undefined): Promise<{ url: string; client: ClientRecord } | null> {
  const uri = params.get('post_logout_redirect_uri');
  if (!uri) return null;
  if (!clientId) throw invalidAuthorizationRequest('post_logout_redirect_uri requires id_token_hint or client_id.');
  const client = await ctx.stores.clients.find(clientId);
  if (!client || !client.postLogoutRedirectUris.includes(uri)) {
    throw invalidAuthorizationRequest('post_logout_redirect_uri is not registered for this application.');
  }
  const url = new URL(uri);
  const state = params.get('state');
  if (state !== undefined) url.searchParams.set('state', state);
  return { url: url.toString(), client };
}

const withCookies = (res: HttpResponse, cookies: string[]): HttpResponse => (cookies.length ? { ...res, cookies } : res);
