/**
 * Writes a new client and, for confidential clients, its first secret — inside the caller's
 * transaction, so there is never a client without its secret.
 *
 * - client_id: 128 random bits, base64url (URL-safe; RFC 6749 §2.2 leaves the format to us).
 * - Confidential clients get a `cs_` secret of 256 random bits. Only its SHA-256 hash and last
 *   four characters (for display) are stored; the plaintext is returned once, to the caller.
 * - Grant types, the authentication method and lifetimes default per type (client-defaults.ts).
 */
import { PREFIX, randomId, randomSecret, sha256 } from '../oidc/tokens.ts';
import type { CreateClientValues } from '../validation/client.ts';
import { clientDefaults, isConfidential } from './client-defaults.ts';
import type { Tx } from './transaction.ts';

export async function insertClient(tx: Tx, values: CreateClientValues, teamId: string | null, now = new Date()) {
  const defaults = clientDefaults(values.type);
  const tokenEndpointAuthMethod = values.tokenEndpointAuthMethod ?? defaults.tokenEndpointAuthMethod;
  const row = await tx.client.create({
    data: {
      id: randomId(16),
      teamId,
      name: values.name,
      type: values.type,
      tokenEndpointAuthMethod,
      redirectUris: JSON.stringify(values.redirectUris),
      postLogoutRedirectUris: JSON.stringify(values.postLogoutRedirectUris),
      grantTypes: JSON.stringify(values.grantTypes ?? defaults.grantTypes),
      scope: values.scope ?? defaults.scope,
      accessTokenFormat: values.accessTokenFormat ?? 'opaque',
      idTokenSignedResponseAlg: values.idTokenAlg ?? 'RS256',
      accessTokenTtl: defaults.accessTokenTtl,
      refreshTokenTtl: defaults.refreshTokenTtl,
      description: values.description ?? null,
      logoUri: values.logoUri ?? null,
      clientUri: values.clientUri ?? null,
      policyUri: values.policyUri ?? null,
      tosUri: values.tosUri ?? null,
      backchannelLogoutUri: values.backchannelLogoutUri ?? null,
      createdAt: now,
    },
  });
  const clientSecret = isConfidential({ tokenEndpointAuthMethod }) ? randomSecret(PREFIX.clientSecret) : null;
  const secrets = clientSecret
    ? [await tx.clientSecret.create({ data: { id: randomId(16), clientId: row.id, hash: sha256(clientSecret), last4: clientSecret.slice(-4), createdAt: now } })]
    : [];
  return { row: { ...row, secrets }, clientSecret };
}
