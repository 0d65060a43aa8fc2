/**
 * response_mode: how the authorization response reaches the redirect URI.
 * - OAuth 2.0 Multiple Response Types §2.1: query (parameters in the query) and fragment; §3, §5:
 *   the default is query for code and fragment for every type that returns a token (id_token or
 *   token), and those must never use query — tokens in a query end up in server logs and Referer
 *   headers. Portico refuses response_mode=query with them (invalid_request, sent in the fragment).
 * - OAuth 2.0 Form Post Response Mode §2: form_post, the parameters POSTed by an auto-submitting
 *   HTML form (http/form-post.ts). It needs an http(s) redirect URI whose host a
 *   Content-Security-Policy form-action can name (a DNS name or IPv4 address).
 * - Any other value (JARM's "jwt" included) is invalid_request.
 * An error found before the mode is settled goes where the mode would have sent it when that
 * can be told, else where the response type's default sends it (`errorResponseMode`); for a
 * response type Portico does not know, that is the query, as for the code flow.
 */
import { invalidRequest } from '../errors.ts';
import { knownResponseType, returnsTokens, type ResponseType } from './response-type.ts';

export const RESPONSE_MODES = ['query', 'fragment', 'form_post'] as const;
export type ResponseMode = (typeof RESPONSE_MODES)[number];

const defaultMode = (type: ResponseType | null): ResponseMode => (type && returnsTokens(type) ? 'fragment' : 'query');

/** The requested mode, or why it cannot be used: null when it can. */
function problemWith(requested: string, type: ResponseType | null, redirectUri: string): string | null {
  if (!(RESPONSE_MODES as readonly string[]).includes(requested)) {
    return `response_mode "${requested}" is not supported. Supported: ${RESPONSE_MODES.join(', ')}.`;
  }
  if (requested === 'query' && type && returnsTokens(type)) {
    return `response_mode=query must not be used with response_type "${type.value}": tokens would be sent in the URL's query. Use fragment or form_post.`;
  }
  if (requested === 'form_post' && !formPostable(redirectUri)) {
    return 'response_mode=form_post needs an http or https redirect_uri with a host name or IPv4 address. Use query or fragment.';
  }
  return null;
}

/** The response mode of a request whose response type is known and allowed. */
export function responseModeFor(requested: string | undefined, type: ResponseType, redirectUri: string): ResponseMode {
  if (requested === undefined) return defaultMode(type);
  const problem = problemWith(requested, type, redirectUri);
  if (problem) throw invalidRequest(problem);
  return requested as ResponseMode;
}

/** Where an error goes once client and redirect_uri are valid, whatever else is wrong with the request. */
export function errorResponseMode(requested: string | undefined, responseType: string | undefined, redirectUri: string): ResponseMode {
  const type = knownResponseType(responseType);
  if (requested === undefined || problemWith(requested, type, redirectUri)) return defaultMode(type);
  return requested as ResponseMode;
}

/** Form Post §2 needs a POST target; CSP3 host-source names DNS hosts and IPv4 addresses, not IPv6 literals. */
export function formPostable(redirectUri: string): boolean {
  const url = new URL(redirectUri);
  return (url.protocol === 'https:' || url.protocol === 'http:') && /^[a-z0-9.-]+$/i.test(url.hostname);
}
