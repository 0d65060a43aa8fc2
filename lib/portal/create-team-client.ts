/**
 * Registers an app owned by a team (portal and REST API). Owners and developers may; the app's
 * first secret (apps that authenticate with one) is in the result once and never again.
 * `serverSecret` (config.secret) seals a client_secret_jwt app's secret.
 */
import type { Db } from '../db/client.ts';
import { createClientSchema, type CreateClientInput } from '../validation/client.ts';
import { requireTeamRole } from './access.ts';
import { recordAudit } from './audit.ts';
import { toClientDetail } from './client-view.ts';
import { parseInput } from './errors.ts';
import { insertClient } from './insert-client.ts';
import type { Actor, CreatedTeamClient } from './types.ts';
import { checkSectorIdentifier, type SectorFetchOptions } from './check-sector-identifier.ts';

export async function createTeamClient(
  db: Db, actor: Actor, teamId: string, input: CreateClientInput, serverSecret?: string, sectorFetch: SectorFetchOptions = {},
): Promise<CreatedTeamClient> {
  const values = parseInput(createClientSchema, input);
  await checkSectorIdentifier(values, sectorFetch);
  return db.$transaction(async (tx) => {
    const { team, role } = await requireTeamRole(tx, actor, teamId, 'developer', 'create apps');
    const { row, clientSecret } = await insertClient(tx, values, team.id, new Date(), serverSecret);
    await recordAudit(tx, { actor, action: 'client.created', teamId: team.id, clientId: row.id, details: { name: row.name, type: row.type } });
    return { client: toClientDetail(row, team, role), clientSecret };
  });
}
