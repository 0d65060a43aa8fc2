/**
 * Registers a new client (application).
 *
 * - Input is validated with the shared schema (lib/validation/client.ts); grant types, the token
 *   endpoint authentication method and lifetimes come from the type's defaults (client-defaults.ts).
 * - client_id: 128 random bits, base64url (URL-safe, RFC 6749 §2.2 leaves the format to us).
 * - Confidential clients get a `cs_` secret of 256 random bits. Only its SHA-256 hash and last
 *   four characters (for display) are stored; the plaintext is returned once, here, and never again.
 * - The client and its secret are written in one transaction: no client without its secret.
 */
import type { Db } from '../db/client.ts';
import { PREFIX, randomId, randomSecret, sha256 } from '../oidc/tokens.ts';
import { createClientSchema, type CreateClientInput } from '../validation/client.ts';
import { clientDefaults, isConfidential } from './client-defaults.ts';

export type CreatedClient = {
  client: {
    id: string;
    name: string;
    type: 'web' | 'spa' | 'native' | 'service';
    tokenEndpointAuthMethod: string;
    redirectUris: string[];
    postLogoutRedirectUris: string[];
    grantTypes: string[];
    scope: string;
    accessTokenFormat: 'opaque' | 'jwt';
    idTokenSignedResponseAlg: string;
    accessTokenTtl: number;
    refreshTokenTtl: number;
    createdAt: Date;
  };
  /** The plaintext secret, shown once; null for public clients. */
  clientSecret: string | null;
};

export async function createClient(db: Db, input: CreateClientInput): Promise<CreatedClient> {
  const values = createClientSchema.parse(input);
  const defaults = clientDefaults(values.type);
  const client = {
    id: randomId(16),
    name: values.name,
    type: values.type,
    tokenEndpointAuthMethod: values.tokenEndpointAuthMethod ?? defaults.tokenEndpointAuthMethod,
    redirectUris: values.redirectUris,
    postLogoutRedirectUris: values.postLogoutRedirectUris,
    grantTypes: defaults.grantTypes,
    scope: values.scope ?? defaults.scope,
    accessTokenFormat: values.accessTokenFormat ?? 'opaque',
    idTokenSignedResponseAlg: values.idTokenAlg ?? 'RS256',
    accessTokenTtl: defaults.accessTokenTtl,
    refreshTokenTtl: defaults.refreshTokenTtl,
    createdAt: new Date(),
  };
  const clientSecret = isConfidential(defaults) ? randomSecret(PREFIX.clientSecret) : null;

  const writeClient = db.client.create({
    data: {
      ...client,
      redirectUris: JSON.stringify(client.redirectUris),
      postLogoutRedirectUris: JSON.stringify(client.postLogoutRedirectUris),
      grantTypes: JSON.stringify(client.grantTypes),
    },
  });
  if (clientSecret) {
    const writeSecret = db.clientSecret.create({
      data: { id: randomId(16), clientId: client.id, hash: sha256(clientSecret), last4: clientSecret.slice(-4), createdAt: client.createdAt },
    });
    await db.$transaction([writeClient, writeSecret]);
  } else {
    await db.$transaction([writeClient]);
  }
  return { client, clientSecret };
}
