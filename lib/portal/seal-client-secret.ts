/**
 * The ClientSecret.sealed column, written wherever a secret is created or rotated (creation,
 * rotation, RFC 7591/7592 registration): the secret sealed when the client authenticates with
 * client_secret_jwt (RFC 7523 §2.2: the HMAC key is the secret itself), null for every other
 * method, whose secrets are kept only as SHA-256 hashes.
 *
 * A client that switches to client_secret_jwt needs a new secret (its old ones were never kept
 * sealed, and cannot be recovered from their hashes); one that switches away drops the sealed
 * copies (`withoutSealedSecrets`).
 */
import { sealClientSecret } from '../crypto/client-secret-seal.ts';

/** `serverSecret`: PORTICO_SECRET (config.secret). */
export function sealedClientSecret(tokenEndpointAuthMethod: string, clientSecret: string, serverSecret: string): string | null {
  return tokenEndpointAuthMethod === 'client_secret_jwt' ? sealClientSecret(clientSecret, serverSecret) : null;
}

/** The update that forgets a client's sealed secrets, for `tx.clientSecret.updateMany`. */
export function withoutSealedSecrets(clientId: string) {
  return { where: { clientId, sealed: { not: null } }, data: { sealed: null } };
}
