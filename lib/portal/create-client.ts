/**
 * Registers a new client (application) with no team: the operator's path (CLI, bootstrap), with
 * no actor and no role check. Portal and API users go through createTeamClient.
 *
 * Input is validated with the shared schema (lib/validation/client.ts; a ZodError on failure, which
 * the CLI reports flag by flag). The client, its secret (insert-client.ts) and the audit record
 * are written in one transaction; the plaintext secret is returned once and never again.
 * `serverSecret` (config.secret) is needed only to create a client_secret_jwt app, whose secret is kept sealed.
 */
import type { Db } from '../db/client.ts';
import { createClientSchema, type CreateClientInput } from '../validation/client.ts';
import { recordAudit } from './audit.ts';
import { clientSettingsOf, type ClientSettings } from './client-view.ts';
import { insertClient } from './insert-client.ts';
import { checkSectorIdentifier, type SectorFetchOptions } from './check-sector-identifier.ts';

export type CreatedClient = {
  client: ClientSettings;
  /** The plaintext secret, shown once; null for public clients and private_key_jwt apps. */
  clientSecret: string | null;
};

export async function createClient(db: Db, input: CreateClientInput, serverSecret?: string, sectorFetch: SectorFetchOptions = {}): Promise<CreatedClient> {
  const values = createClientSchema.parse(input);
  await checkSectorIdentifier(values, sectorFetch);
  const { row, clientSecret } = await db.$transaction(async (tx) => {
    const created = await insertClient(tx, values, null, new Date(), serverSecret);
    await recordAudit(tx, { actor: null, action: 'client.created', clientId: created.row.id, details: { name: values.name, type: values.type } });
    return created;
  });
  return { client: clientSettingsOf(row), clientSecret };
}
