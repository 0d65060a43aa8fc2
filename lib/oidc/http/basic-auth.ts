/**
 * HTTP Basic client credentials, RFC 6749 §2.3.1: client_id and client_secret are
 * application/x-www-form-urlencoded before being joined with ":" and base64-encoded.
 */
import type { HttpRequest } from './message.ts';
import { invalidClient } from '../errors.ts';

export type BasicCredentials = { clientId: string; clientSecret: string };

export function basicCredentials(request: HttpRequest): BasicCredentials | null {
  const header = request.headers.get('authorization');
  if (!header || !/^basic /i.test(header)) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw invalidClient('Malformed Basic authorization header.');
  try {
    return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    throw invalidClient('Malformed Basic authorization header.');
  }
}

/** Form decoding, skipped for the usual value that has nothing encoded (a generated id or secret). */
const formDecode = (value: string) => (value.includes('%') || value.includes('+') ? decodeURIComponent(value.replace(/\+/g, ' ')) : value);

/** RFC 6750 §2.1: `Authorization: Bearer <token>`. */
export function bearerToken(request: HttpRequest): string | null {
  const header = request.headers.get('authorization');
  if (!header) return null;
  const match = /^bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  return match?.[1] ?? null;
}
