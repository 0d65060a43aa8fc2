/**
 * Issues a client secret inside the caller's transaction, for every path that makes one (creation,
 * rotation, RFC 7591/7592 registration, a change of authentication method):
 * - `cs_` + 256 random bits; stored as its SHA-256 hash and last four characters, and returned in
 *   plaintext once;
 * - only for client_secret_jwt, also sealed (seal-client-secret.ts): that method's assertions are
 *   HMACs keyed with the secret itself (RFC 7523 §2.2), which a hash cannot check. Sealing needs
 *   the server secret (PORTICO_SECRET, config.secret); callers that may create such a client pass it.
 */
import { PREFIX, randomId, randomSecret, sha256 } from '../oidc/tokens.ts';
import { needsSealedSecret } from '../validation/client-auth-method.ts';
import { sealedClientSecret } from './seal-client-secret.ts';
import type { Tx } from './transaction.ts';

export class MissingServerSecretError extends Error {
  constructor() {
    super('A client_secret_jwt secret must be kept sealed, and this caller did not pass the server secret (config.secret).');
    this.name = 'MissingServerSecretError';
  }
}

export async function issueClientSecret(tx: Tx, clientId: string, method: string, now: Date, serverSecret?: string) {
  if (needsSealedSecret(method) && !serverSecret) throw new MissingServerSecretError();
  const clientSecret = randomSecret(PREFIX.clientSecret);
  const sealed = serverSecret ? sealedClientSecret(method, clientSecret, serverSecret) : null;
  const row = await tx.clientSecret.create({
    data: { id: randomId(16), clientId, hash: sha256(clientSecret), last4: clientSecret.slice(-4), createdAt: now, sealed },
  });
  return { row, clientSecret };
}
