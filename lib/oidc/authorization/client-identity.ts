/**
 * RFC 8252 §8.6 (client impersonation): the authorization server should not process a request
 * without the user's interaction unless the client's identity can be assured, and "unless the
 * identity of the client can be proven, the request SHOULD be processed as if no previous request
 * had been approved".
 *
 * A public client (native or single-page app) cannot authenticate, so the redirect URI is the
 * only thing tying a request to the app:
 * - a claimed https redirect URI is delivered only to the site, or to the app the device's OS
 *   verified for that domain (§7.2), so §8.6 lets it count as proof;
 * - a private-use ("custom") scheme (§7.1) can be registered by any app on the device, and any
 *   local process can listen on a loopback port (§7.3): nothing proves who receives the code.
 * Confidential clients prove themselves with their secret when they redeem the code.
 */
import type { ClientRecord } from '../ports.ts';

/** Whether nothing proves that this request comes from `client` (and the code goes back to it). */
export function clientIdentityUnproven(client: ClientRecord, redirectUri: string): boolean {
  if (!client.isPublic) return false;
  return new URL(redirectUri).protocol !== 'https:';
}
