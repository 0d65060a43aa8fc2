/**
 * OpenID Connect Back-Channel Logout 1.0: tells apps, server to server, that a user's session
 * ended or their access was revoked, so they can end their own sessions.
 * - The logout token (§2.4) is a JWT signed like the app's ID tokens, typ "logout+jwt", with
 *   iss, aud, iat, exp, jti, the back-channel logout event, sub and (for a session) sid — never
 *   a nonce (§2.4).
 * - It is POSTed as application/x-www-form-urlencoded `logout_token` (§2.5). A failing app is
 *   logged, never retried in a loop and never blocks the user's sign-out (§2.8).
 */
import type { ProviderContext } from './context.ts';
import type { SigningAlg } from './keys.ts';
import type { ClientRecord } from './ports.ts';
import { nowSeconds, randomId } from './tokens.ts';

const EVENT = 'http://schemas.openid.net/event/backchannel-logout';
const TOKEN_TTL = 120;
const TIMEOUT_MS = 5_000;

export function createBackchannelLogout(ctx: ProviderContext) {
  async function notify(client: ClientRecord, sub: string, sid: string | null): Promise<void> {
    if (!client.backchannelLogoutUri) return;
    const iat = nowSeconds(ctx.clock);
    const token = await ctx.keys.sign(
      { iss: ctx.settings.issuer, aud: client.id, iat, exp: iat + TOKEN_TTL, jti: randomId(), sub, ...(sid ? { sid } : {}), events: { [EVENT]: {} } },
      client.idTokenAlg as SigningAlg,
      'logout+jwt',
    );
    try {
      const res = await ctx.fetch(client.backchannelLogoutUri, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ logout_token: token }),
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!res.ok) ctx.log(`back-channel logout to ${client.id} answered ${res.status}`);
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
