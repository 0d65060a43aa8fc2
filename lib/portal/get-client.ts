/** One app with its secrets' metadata (never a hash or a plaintext), if the actor may see it. */
import type { Db } from '../db/client.ts';
import { requireClientRole } from './access.ts';
import { toClientDetail } from './client-view.ts';
import type { Actor, ClientDetail } from './types.ts';

export async function getClient(db: Db, actor: Actor, clientId: string): Promise<ClientDetail> {
  const { client, role } = await requireClientRole(db, actor, clientId, 'viewer', 'view apps');
  return toClientDetail(client, client.team, role);
}
