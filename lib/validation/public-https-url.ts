/**
 * URLs that Portico's server itself calls, chosen by whoever registers an app: the back-channel
 * logout URI it POSTs to (OpenID Connect Back-Channel Logout 1.0 §2.2), the jwks_uri it fetches
 * keys from (RFC 7591 §2) and the sector_identifier_uri it fetches redirect URIs from (OpenID
 * Connect Dynamic Client Registration 1.0 §2, §5). Each is a request forgery (SSRF) target unless
 * it names a public host, so at registration and on every edit:
 * - https only: what travels there (logout tokens, keys, redirect URIs) must not be readable or
 *   replaceable on the way. The http-on-loopback exception other app URLs have for development
 *   cannot apply, since loopback is refused: a local receiver is registered under a DNS name and
 *   allow-listed by the operator.
 * - no user name or password, and no fragment (Back-Channel Logout §2.2 forbids one; a fragment is
 *   never sent to a server, so it can only mislead);
 * - no loopback, private, link-local (cloud metadata at 169.254.169.254), CGNAT, multicast or other
 *   special-use address literal, in any spelling the URL parser accepts (lib/net/special-addresses.ts);
 * - no name that only ever resolves inside a machine or network: localhost and *.localhost
 *   (RFC 6761 §6.3), *.internal (ICANN's private-use name, e.g. metadata.google.internal), *.local
 *   (RFC 6762 multicast DNS) and *.home.arpa (RFC 8375).
 * A DNS name can still resolve to an internal address later; each call itself checks the address
 * it connects to (lib/net/safe-fetch.ts), where the operator's PORTICO_OUTBOUND_ALLOWED_HOSTS may
 * let a named internal host through.
 */
import { z } from 'zod';
import { specialAddress } from '../net/special-addresses.ts';
import { URI_MAX_LENGTH } from './client-fields.ts';
import { CONTROL_MESSAGE, isSingleLine } from './text.ts';

export type PublicHttpsUrlRule = {
  /** How messages name the field, e.g. "Back-channel logout URL". */
  label: string;
  /** A URL that would be accepted, shown in messages. */
  example: string;
  /** What Portico would have done there, for the refusal of an internal host: "send logout tokens". */
  action: string;
  /** Appended to the fragment refusal, e.g. " (Back-Channel Logout §2.2)". */
  fragmentRule?: string;
};

const INTERNAL_SUFFIXES = ['.localhost', '.internal', '.local', '.home.arpa'];

/** Why `uri` may not be used for `rule`, or null when it may. */
export function publicHttpsUrlProblem(uri: string, rule: PublicHttpsUrlRule): string | null {
  const { label, example, action } = rule;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `${label} must be an absolute https URL, such as ${example}.`;
  }
  if (url.protocol !== 'https:' || !url.hostname) return `${label} must be an https URL, such as ${example}.`;
  if (url.username || url.password) return `${label} must not contain a user name or password.`;
  if (uri.includes('#')) return `${label} must not contain a fragment${rule.fragmentRule ?? ''}.`;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost' || INTERNAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) {
    return `${label} must name a public host: ${host} is an internal name, and Portico does not ${action} inside its own network.`;
  }
  const problem = isAddressLiteral(url.hostname) ? specialAddress(host) : null;
  if (problem) return `${label} must name a public host: ${host} is a ${problem} address, and Portico does not ${action} inside its own network.`;
  return null;
}

/** The URL parser writes every IPv4 form as a dotted quad and IPv6 in brackets. */
const isAddressLiteral = (hostname: string) => hostname.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(hostname);

/** The field for one such URL: optional text; an empty form field means "none" (null). */
export function publicHttpsUrlField(rule: PublicHttpsUrlRule) {
  return z
    .string({ error: `${rule.label} must be a URL.` })
    .trim()
    .max(URI_MAX_LENGTH, `${rule.label} is at most ${URI_MAX_LENGTH} characters.`)
    .refine(isSingleLine, `${rule.label} ${CONTROL_MESSAGE}.`)
    .transform((value) => (value === '' ? null : value))
    .superRefine((uri, ctx) => {
      const problem = uri === null ? null : publicHttpsUrlProblem(uri, rule);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .nullable();
}
