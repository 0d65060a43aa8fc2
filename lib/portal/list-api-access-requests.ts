/**
 * The apps that asked for an API of the actor's team (any member may see them), with app and
 * team names: pending first (oldest first: who has waited longest), then approved, then rejected.
 */
import type { Db } from '../db/client.ts';
import { requireResourceRole } from './api-resource-access.ts';
import type { ApiAccessRequest, ApiAccessStatus } from './api-resource-types.ts';
import { toAccessState } from './api-resource-view.ts';
import type { Actor } from './types.ts';

const ORDER: Record<ApiAccessStatus, number> = { pending: 0, approved: 1, rejected: 2 };

export async function listApiAccessRequests(db: Db, actor: Actor, resourceId: string): Promise<ApiAccessRequest[]> {
  const { resource } = await requireResourceRole(db, actor, resourceId, 'viewer', 'view access requests');
  const rows = await db.apiAccess.findMany({
    where: { resourceId: resource.id },
    include: { client: { select: { id: true, name: true, team: { select: { id: true, name: true } } } } },
    orderBy: [{ requestedAt: 'asc' }, { clientId: 'asc' }],
  });
  const requests = rows.map((row) => ({ ...toAccessState(row), client: { id: row.client.id, name: row.client.name }, team: row.client.team }));
  return requests.sort((a, b) => ORDER[a.status] - ORDER[b.status]); // stable: oldest first within a status
}
