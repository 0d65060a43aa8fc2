/**
 * The back-channel logout URI (OpenID Connect Back-Channel Logout 1.0 §2.2) is a URL Portico's
 * server POSTs to, chosen by whoever registers the app: a request forgery target (SSRF) unless it
 * names a public host. At registration and on every edit it follows the rules of every URL Portico
 * calls (public-https-url.ts): https only (§2.2 lets the RP choose the URL; a plain-http POST
 * would carry the logout token in clear), no user name or password, no fragment (§2.2: the URL
 * MUST NOT include one), no special-use address literal and no internal-only name.
 * A DNS name can still resolve to an internal address later; the POST itself checks the address
 * it connects to (lib/oidc/backchannel-logout.ts through lib/net/safe-fetch.ts), where the
 * operator's PORTICO_OUTBOUND_ALLOWED_HOSTS may let a named internal receiver through.
 */
import { publicHttpsUrlField, publicHttpsUrlProblem, type PublicHttpsUrlRule } from './public-https-url.ts';

const RULE: PublicHttpsUrlRule = {
  label: 'Back-channel logout URL',
  example: 'https://app.example.com/backchannel-logout',
  action: 'send logout tokens',
  fragmentRule: ' (Back-Channel Logout §2.2)',
};

/** Why `uri` may not be a back-channel logout URI, or null when it may. */
export const backchannelLogoutUriProblem = (uri: string): string | null => publicHttpsUrlProblem(uri, RULE);

export const backchannelLogoutUriField = publicHttpsUrlField(RULE);
