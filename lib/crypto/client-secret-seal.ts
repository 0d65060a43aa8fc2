/**
 * Client secrets kept for client_secret_jwt (RFC 7523 §2.2, OIDC Core §9): the client MACs its
 * assertion with the secret itself, and a SHA-256 hash cannot check an HMAC. So for clients
 * registered with that method (only those) the secret is also stored sealed: AES-256-GCM under a
 * key derived from PORTICO_SECRET by HKDF (secret-box.ts) with its own purpose, so a value sealed
 * here never opens as a signing key or a TOTP secret, nor the other way round.
 */
import { openSecret, sealSecret } from './secret-box.ts';

const PURPOSE = 'client-secret';

/** `serverSecret`: PORTICO_SECRET (config.secret). */
export function sealClientSecret(clientSecret: string, serverSecret: string): string {
  return sealSecret(clientSecret, serverSecret, PURPOSE);
}

/** Throws SecretBoxError when the value is not sealed here or PORTICO_SECRET changed. */
export function openClientSecret(sealed: string, serverSecret: string): string {
  return openSecret(sealed, serverSecret, PURPOSE);
}
