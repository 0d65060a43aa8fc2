/**
 * What a change of token_endpoint_auth_method does to an app's secrets, inside the caller's
 * transaction (portal and REST edits, the CLI, RFC 7592 updates). The core accepts only the
 * method an app registered (RFC 6749 §2.3), so:
 * - to private_key_jwt: the app proves itself with its key (RFC 7523 §2.2); its secrets are
 *   revoked, so none can come back to life if the method changes again;
 * - to client_secret_jwt: it needs a secret kept sealed, which secrets issued for another method
 *   never were and cannot become (only their hashes are stored): a new one is issued, returned once,
 *   and the old ones revoked;
 * - to client_secret_basic or client_secret_post: a live secret keeps working; an app with none
 *   (coming from private_key_jwt) is issued one. Sealed copies are dropped: only client_secret_jwt
 *   needs them.
 */
import { needsSealedSecret, usesSecret } from '../validation/client-auth-method.ts';
import { issueClientSecret } from './issue-client-secret.ts';
import { withoutSealedSecrets } from './seal-client-secret.ts';
import type { Tx } from './transaction.ts';

type SecretRow = { sealed: string | null; revokedAt: Date | null; expiresAt: Date | null };

const isLive = (secret: SecretRow, now: Date) => !secret.revokedAt && (!secret.expiresAt || secret.expiresAt > now);

/** The plaintext of a secret issued for the new method, or null when none was needed. */
export async function changeClientSecrets(
  tx: Tx,
  client: { id: string; tokenEndpointAuthMethod: string; secrets: SecretRow[] },
  method: string | undefined,
  now: Date,
  serverSecret?: string,
): Promise<string | null> {
  if (method === undefined || method === client.tokenEndpointAuthMethod) return null;
  const live = client.secrets.filter((s) => isLive(s, now));
  const revokeLive = () => tx.clientSecret.updateMany({ where: { clientId: client.id, revokedAt: null }, data: { revokedAt: now } });
  if (!usesSecret(method)) {
    await revokeLive();
    await tx.clientSecret.updateMany(withoutSealedSecrets(client.id));
    return null;
  }
  if (needsSealedSecret(method) ? !live.some((s) => s.sealed) : live.length === 0) {
    await revokeLive();
    return (await issueClientSecret(tx, client.id, method, now, serverSecret)).clientSecret;
  }
  if (!needsSealedSecret(method)) await tx.clientSecret.updateMany(withoutSealedSecrets(client.id));
  return null;
}
