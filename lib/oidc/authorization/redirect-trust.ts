/**
 * RFC 9700 §4.11.2: the authorization server "should only automatically redirect the user agent if
 * it trusts the redirect URI". Exact matching against registered URIs (redirect-uri.ts) proves the
 * URI belongs to the app, not that the app is who it says: anyone may register one. Portico trusts
 * an app's registered URI when
 * - the operator verified the app (`portico client verify`: they checked who runs it), or
 * - the user has authenticated at Portico first — they are signed in in this browser, or, at
 *   end-session, the app presented an ID token Portico issued to it for the user (RP-Initiated
 *   Logout §2): the flow did not start from a bare link a stranger made.
 * Otherwise the user is shown where the link goes and decides (http/untrusted-redirect.ts).
 */
import type { ClientRecord } from '../ports.ts';

export function redirectTrusted(client: Pick<ClientRecord, 'verified'>, userAuthenticated: boolean): boolean {
  return client.verified || userAuthenticated;
}
