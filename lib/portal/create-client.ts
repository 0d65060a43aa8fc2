/**
 * Registers a new client (application) with no team: the operator's path (CLI, bootstrap), with
 * no actor and no role check. Portal and API users go through createTeamClient.
 *
 * Input is validated with the shared schema (lib/validation/client.ts; a ZodError on failure, which
 * the CLI reports flag by flag). The client, its secret (insert-client.ts) and the audit record
 * are written in one transaction; the plaintext secret is returned once and never again.
 */
import type { Db } from '../db/client.ts';
import { createClientSchema, type CreateClientInput } from '../validation/client.ts';
import { recordAudit } from './audit.ts';
import { insertClient } from './insert-client.ts';

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
  const { row, clientSecret } = await db.$transaction(async (tx) => {
    const created = await insertClient(tx, values, null);
    await recordAudit(tx, { actor: null, action: 'client.created', clientId: created.row.id, details: { name: values.name, type: values.type } });
    return created;
  });
  const client = {
    id: row.id,
    name: row.name,
    type: values.type,
    tokenEndpointAuthMethod: row.tokenEndpointAuthMethod,
    redirectUris: values.redirectUris,
    postLogoutRedirectUris: values.postLogoutRedirectUris,
    grantTypes: JSON.parse(row.grantTypes) as string[],
    scope: row.scope,
    accessTokenFormat: values.accessTokenFormat ?? 'opaque',
    idTokenSignedResponseAlg: row.idTokenSignedResponseAlg,
    accessTokenTtl: row.accessTokenTtl,
    refreshTokenTtl: row.refreshTokenTtl,
    createdAt: row.createdAt,
  };
  return { client, clientSecret };
}
