/**
 * response_type (RFC 6749 §3.1.1, OAuth 2.0 Multiple Response Types §3–§5, OIDC Core §3).
 * - A space-separated list whose order does not matter (RFC 6749 §3.1.1): "id_token code" is
 *   "code id_token".
 * - Portico knows code (§4.1), and the OpenID Connect implicit (id_token, "id_token token", OIDC
 *   Core §3.2) and hybrid ("code id_token", "code token", "code id_token token", §3.3) types. Any
 *   other value — OAuth's bare "token" included — is unsupported_response_type (§4.1.2.1).
 * - A client may use only the types it registered (RFC 7591 §2 response_types, ClientRecord
 *   responseTypes); another known type is unauthorized_client. So it is, too, when the client's
 *   grant types do not go with the type (RFC 7591 §2.1, OpenID Connect Dynamic Client Registration
 *   §2): a code needs authorization_code, a token or ID token from this endpoint needs implicit —
 *   the same rule registration applies (lib/validation/response-types.ts), so what an app's
 *   metadata shows is what works.
 */
import { invalidRequest, unauthorizedClient, unsupportedResponseType } from '../errors.ts';
import type { ClientRecord } from '../ports.ts';

export type ResponseType = {
  /** The canonical spelling, e.g. "code id_token token". */
  value: string;
  code: boolean;
  idToken: boolean;
  token: boolean;
};

export const RESPONSE_TYPES = ['code', 'id_token', 'id_token token', 'code id_token', 'code token', 'code id_token token'] as const;

const ORDER = ['code', 'id_token', 'token'];

/** The canonical spelling of a known response type, or null for anything else. */
export function canonicalResponseType(value: string | undefined): string | null {
  if (value === undefined) return null;
  const words = value.split(' ').filter(Boolean);
  if (new Set(words).size !== words.length || words.some((w) => !ORDER.includes(w))) return null;
  const canonical = [...words].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)).join(' ');
  return (RESPONSE_TYPES as readonly string[]).includes(canonical) ? canonical : null;
}

/** A known response type, or null (missing or unknown). */
export function knownResponseType(value: string | undefined): ResponseType | null {
  const canonical = canonicalResponseType(value);
  if (!canonical) return null;
  const words = canonical.split(' ');
  return { value: canonical, code: words.includes('code'), idToken: words.includes('id_token'), token: words.includes('token') };
}

/** The request's response type, if Portico knows it and the client may use it. */
export function responseTypeFor(client: ClientRecord, value: string | undefined): ResponseType {
  if (!value) throw invalidRequest('The "response_type" parameter is required.');
  const type = knownResponseType(value);
  if (!type) throw unsupportedResponseType(`response_type "${value}" is not supported. Supported: ${RESPONSE_TYPES.map((t) => `"${t}"`).join(', ')}.`);
  const registered = client.responseTypes.map((t) => canonicalResponseType(t));
  if (!registered.includes(type.value)) {
    throw unauthorizedClient(`This application is not registered for response_type "${type.value}". Its developer can add it to the app's response types.`);
  }
  if (type.code && !client.grantTypes.includes('authorization_code')) throw unauthorizedClient('This application may not use the authorization code flow.');
  if (returnsTokens(type) && !client.grantTypes.includes('implicit')) {
    throw unauthorizedClient(`This application is not registered for the implicit grant, which response_type "${type.value}" needs.`);
  }
  return type;
}

/** Whether the authorization endpoint itself returns a token (anything but a bare code). */
export const returnsTokens = (type: ResponseType) => type.idToken || type.token;
