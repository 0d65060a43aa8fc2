/**
 * The back-channel logout URI (OpenID Connect Back-Channel Logout 1.0 §2.2) is a URL Portico's
 * server POSTs to, chosen by whoever registers the app: a request forgery target (SSRF) unless it
 * names a public host. At registration and on every edit:
 * - https only (§2.2 lets the RP choose the URL; a plain-http POST would carry the logout token in
 *   clear). The http-on-loopback exception other app URLs have for development cannot apply here,
 *   since loopback is refused: a local receiver is registered under a DNS name and allow-listed.
 * - no user name or password, no fragment (§2.2: the URL MUST NOT include a fragment);
 * - no loopback, private, link-local (cloud metadata at 169.254.169.254), CGNAT, multicast or other
 *   special-use address literal, in any spelling the URL parser accepts (lib/net/special-addresses.ts);
 * - no name that only ever resolves inside a machine or network: localhost and *.localhost
 *   (RFC 6761 §6.3), *.internal (ICANN's private-use name, e.g. metadata.google.internal), *.local
 *   (RFC 6762 multicast DNS) and *.home.arpa (RFC 8375).
 * A DNS name can still resolve to an internal address later; the POST itself checks the address
 * it connects to (lib/oidc/backchannel-logout.ts through lib/net/safe-fetch.ts), where the
 * operator's PORTICO_OUTBOUND_ALLOWED_HOSTS may let a named internal receiver through.
 */
import { z } from 'zod';
import { specialAddress } from '../net/special-addresses.ts';
import { URI_MAX_LENGTH } from './client-fields.ts';
import { CONTROL_MESSAGE, isSingleLine } from './text.ts';

const LABEL = 'Back-channel logout URL';
const INTERNAL_SUFFIXES = ['.localhost', '.internal', '.local', '.home.arpa'];

/** Why `uri` may not be a back-channel logout URI, or null when it may. */
export function backchannelLogoutUriProblem(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `${LABEL} must be an absolute https URL, such as https://app.example.com/backchannel-logout.`;
  }
  if (url.protocol !== 'https:' || !url.hostname) return `${LABEL} must be an https URL, such as https://app.example.com/backchannel-logout.`;
  if (url.username || url.password) return `${LABEL} must not contain a user name or password.`;
  if (uri.includes('#')) return `${LABEL} must not contain a fragment (Back-Channel Logout §2.2).`;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost' || INTERNAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) {
    return `${LABEL} must name a public host: ${host} is an internal name, and Portico does not send logout tokens inside its own network.`;
  }
  const problem = isAddressLiteral(url.hostname) ? specialAddress(host) : null;
  if (problem) return `${LABEL} must name a public host: ${host} is a ${problem} address, and Portico does not send logout tokens inside its own network.`;
  return null;
}

/** The URL parser writes every IPv4 form as a dotted quad and IPv6 in brackets. */
const isAddressLiteral = (hostname: string) => hostname.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(hostname);

export const backchannelLogoutUriField = z
  .string({ error: `${LABEL} must be a URL.` })
  .trim()
  .max(URI_MAX_LENGTH, `${LABEL} is at most ${URI_MAX_LENGTH} characters.`)
  .refine(isSingleLine, `${LABEL} ${CONTROL_MESSAGE}.`)
  // An empty form field means "none".
  .transform((value) => (value === '' ? null : value))
  .superRefine((uri, ctx) => {
    const problem = uri === null ? null : backchannelLogoutUriProblem(uri);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .nullable();
