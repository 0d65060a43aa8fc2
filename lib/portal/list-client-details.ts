/** Like listClients, with every field and the secrets' metadata (the REST API's list). */
import type { Db } from '../db/client.ts';
import { toClientDetail } from './client-view.ts';
import type { Actor, ClientDetail } from './types.ts';
import { visibleClients } from './visible-clients.ts';

export async function listClientDetails(db: Db, actor: Actor, filter: { teamId?: string } = {}, now = new Date()): Promise<ClientDetail[]> {
  return (await visibleClients(db, actor.userId, filter.teamId)).map(({ client, team, role }) => toClientDetail(client, team, role, now));
}
