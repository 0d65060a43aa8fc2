/**
 * OpenID Connect Back-Channel Logout 1.0: tells apps, server to server, that a user's session
 * ended or their access was revoked, so they can end their own sessions.
 * - The logout token (§2.4) is a JWT signed like the app's ID tokens, typ "logout+jwt", with
 *   iss, aud, iat, exp, jti, the back-channel logout event, sub and (for a session) sid — never
 *   a nonce (§2.4). sub is the subject the app knows the user by (subject.ts, OIDC Core §8).
 * - It is POSTed as application/x-www-form-urlencoded `logout_token` (§2.5). A failing app is
 *   logged, never retried in a loop and never blocks the user's sign-out (§2.8).
 * - The URL was chosen by whoever registered the app, so the POST goes through safe-fetch: https
 *   (http only to a loopback host, the development exception), every address the host resolves
 *   to must be public and the connection is pinned to the one checked (no loopback, private,
 *   link-local or cloud metadata address, no DNS rebinding), no redirects, one 5 s deadline.
 *   Only host:port pairs the operator allow-listed (PORTICO_OUTBOUND_ALLOWED_HOSTS) may be internal.
 *   Registration refuses such URIs too (lib/validation/backchannel-logout-uri.ts); this check is
 *   the one that holds for rows written before that rule and for names that resolve inward later.
 */
import { safeFetch } from '../net/safe-fetch.ts';
import type { ProviderContext } from './context.ts';
import type { SigningAlg } from './keys.ts';
import type { ClientRecord } from './ports.ts';
import { isLoopback } from './redirect-uri.ts';
import { subjectFor } from './subject.ts';
import { nowSeconds, randomId } from './tokens.ts';

const EVENT = 'http://schemas.openid.net/event/backchannel-logout';
const TOKEN_TTL = 120;
const TIMEOUT_MS = 5_000;

/** http only for a loopback host, which safe-fetch still refuses unless it is allow-listed. */
function allowsHttp(uri: string): boolean {
  try {
    return isLoopback(new URL(uri));
  } catch {
    return false;
  }
}

export function createBackchannelLogout(ctx: ProviderContext) {
  async function notify(client: ClientRecord, userId: string, sid: string | null): Promise<void> {
    if (!client.backchannelLogoutUri) return;
    const iat = nowSeconds(ctx.clock);
    const sub = subjectFor(ctx, client, userId);
    const token = await ctx.keys.sign(
      { iss: ctx.settings.issuer, aud: client.id, iat, exp: iat + TOKEN_TTL, jti: randomId(), sub, ...(sid ? { sid } : {}), events: { [EVENT]: {} } },
      client.idTokenAlg as SigningAlg,
      'logout+jwt',
    );
    try {
      const res = await safeFetch(client.backchannelLogoutUri, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ logout_token: token }).toString(),
        allowHttp: allowsHttp(client.backchannelLogoutUri),
        allowedHosts: ctx.settings.outboundAllowedHosts,
        timeoutMs: TIMEOUT_MS,
      });
      if (res.status < 200 || res.status >= 300) ctx.log(`back-channel logout to ${client.id} answered ${res.status}`);
    } catch (err) {
      ctx.log(`back-channel logout to ${client.id} failed`, err);
    }
  }

  return {
    /** The user's browser session `sid` ended: every app that received a grant in it is told. */
    async sessionEnded(userId: string, sid: string): Promise<void> {
      const clientIds = await ctx.stores.grants.clientsOfSession(userId, sid);
      const clients = await Promise.all(clientIds.map((id) => ctx.stores.clients.find(id)));
      await Promise.all(clients.map((c) => (c ? notify(c, userId, sid) : undefined)));
    },

    /** The user revoked the app's access: the app is told to end that user's sessions. */
    async accessRevoked(userId: string, clientId: string): Promise<void> {
      const client = await ctx.stores.clients.find(clientId);
      if (client) await notify(client, userId, null);
    },
  };
}

export type BackchannelLogout = ReturnType<typeof createBackchannelLogout>;
