/** Which APIs an app asked for, and what each approved (any member of the app's team may see it). */
import type { Db } from '../db/client.ts';
import { requireClientRole } from './access.ts';
import type { AppApiAccess } from './api-resource-types.ts';
import { toAccessState } from './api-resource-view.ts';
import type { Actor } from './types.ts';

export async function listAppApiAccess(db: Db, actor: Actor, clientId: string): Promise<AppApiAccess[]> {
  const { client } = await requireClientRole(db, actor, clientId, 'viewer', 'view apps');
  const rows = await db.apiAccess.findMany({
    where: { clientId: client.id },
    include: { resource: { select: { id: true, identifier: true, name: true, team: { select: { name: true } } } } },
    orderBy: [{ requestedAt: 'desc' }, { resourceId: 'asc' }],
  });
  return rows.map((row) => ({
    ...toAccessState(row),
    resource: { id: row.resource.id, identifier: row.resource.identifier, name: row.resource.name, ownerName: row.resource.team?.name ?? null },
  }));
}
