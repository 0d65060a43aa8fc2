/** The apps of every team the actor belongs to (or of one team), newest first, with the actor's role. */
import type { Db } from '../db/client.ts';
import { toClientSummary } from './client-view.ts';
import type { Actor, ClientSummary } from './types.ts';
import { visibleClients } from './visible-clients.ts';

export async function listClients(db: Db, actor: Actor, filter: { teamId?: string } = {}): Promise<ClientSummary[]> {
  return (await visibleClients(db, actor.userId, filter.teamId)).map(({ client, team, role }) => toClientSummary(client, team, role));
}
