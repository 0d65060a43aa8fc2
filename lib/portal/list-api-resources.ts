/** The APIs of every team the actor belongs to (or of one team), newest first, with the actor's role. */
import type { Db } from '../db/client.ts';
import { isPlausibleId } from './access.ts';
import type { ApiResourceSummary } from './api-resource-types.ts';
import { toApiResourceSummary } from './api-resource-view.ts';
import type { Actor, TeamRole } from './types.ts';

export async function listApiResources(db: Db, actor: Actor, filter: { teamId?: string } = {}): Promise<ApiResourceSummary[]> {
  if (filter.teamId !== undefined && !isPlausibleId(filter.teamId)) return [];
  const memberships = await db.teamMember.findMany({
    where: { userId: actor.userId, ...(filter.teamId ? { teamId: filter.teamId } : {}) },
    include: { team: { select: { id: true, name: true } } },
  });
  if (memberships.length === 0) return [];
  const byTeam = new Map(memberships.map((m) => [m.teamId, m]));
  const rows = await db.apiResource.findMany({
    where: { teamId: { in: [...byTeam.keys()] } },
    include: { _count: { select: { scopes: true } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
  return rows.map(({ _count, ...row }) => {
    const m = byTeam.get(row.teamId!)!;
    return toApiResourceSummary(row, m.team, m.role as TeamRole, _count.scopes);
  });
}
