/**
 * Writes a new client and, for confidential clients, its first secret — inside the caller's
 * transaction, so there is never a client without its secret.
 *
 * - client_id: 128 random bits, base64url (URL-safe; RFC 6749 §2.2 leaves the format to us).
 * - Confidential clients get a `cs_` secret of 256 random bits. Only its SHA-256 hash and last
 *   four characters (for display) are stored; the plaintext is returned once, to the caller.
 * - Grant types, the authentication method and lifetimes default per type (client-defaults.ts).
 */
import { PREFIX, randomClientId, randomId, randomSecret, sha256 } from '../oidc/tokens.ts';
import type { CreateClientValues } from '../validation/client.ts';
import { scopeDescriptionsColumn } from '../validation/scope-descriptions.ts';
import { clientDefaults, isConfidential } from './client-defaults.ts';
import type { Tx } from './transaction.ts';

/** The columns a client gets from validated input and its type's defaults (creation, or RFC 7592 replacement). */
export function clientColumns(values: CreateClientValues) {
  const defaults = clientDefaults(values.type);
  const scope = values.scope ?? defaults.scope;
  return {
    name: values.name,
    tokenEndpointAuthMethod: values.tokenEndpointAuthMethod ?? defaults.tokenEndpointAuthMethod,
    redirectUris: JSON.stringify(values.redirectUris),
    postLogoutRedirectUris: JSON.stringify(values.postLogoutRedirectUris),
    grantTypes: JSON.stringify(values.grantTypes ?? defaults.grantTypes),
    scope,
    scopeDescriptions: scopeDescriptionsColumn(values.scopeDescriptions ?? {}, scope),
    accessTokenFormat: values.accessTokenFormat ?? 'opaque',
    idTokenSignedResponseAlg: values.idTokenAlg ?? 'RS256',
    description: values.description ?? null,
    logoUri: values.logoUri ?? null,
    clientUri: values.clientUri ?? null,
    policyUri: values.policyUri ?? null,
    tosUri: values.tosUri ?? null,
    backchannelLogoutUri: values.backchannelLogoutUri ?? null,
    refreshTokenRotation: values.refreshTokenRotation ?? true,
  };
}

export async function insertClient(tx: Tx, values: CreateClientValues, teamId: string | null, now = new Date()) {
  const defaults = clientDefaults(values.type);
  const columns = clientColumns(values);
  const row = await tx.client.create({
    data: {
      ...columns,
      id: randomClientId(16),
      teamId,
      type: values.type,
      accessTokenTtl: defaults.accessTokenTtl,
      refreshTokenTtl: defaults.refreshTokenTtl,
      createdAt: now,
    },
  });
  const clientSecret = isConfidential(columns) ? randomSecret(PREFIX.clientSecret) : null;
  const secrets = clientSecret
    ? [await tx.clientSecret.create({ data: { id: randomId(16), clientId: row.id, hash: sha256(clientSecret), last4: clientSecret.slice(-4), createdAt: now } })]
    : [];
  return { row: { ...row, secrets }, clientSecret };
}
