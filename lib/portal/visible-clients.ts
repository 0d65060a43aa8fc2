/** The apps of the teams the actor belongs to (optionally one team), newest first, each with its team and the actor's role. */
import type { Db } from '../db/client.ts';
import { isPlausibleId } from './access.ts';
import type { TeamRole } from './types.ts';

export async function visibleClients(db: Db, userId: string, teamId?: string) {
  if (teamId !== undefined && !isPlausibleId(teamId)) return [];
  const memberships = await db.teamMember.findMany({
    where: { userId, ...(teamId ? { teamId } : {}) },
    include: { team: { select: { id: true, name: true } } },
  });
  if (memberships.length === 0) return [];
  const byTeam = new Map(memberships.map((m) => [m.teamId, m]));
  const clients = await db.client.findMany({
    where: { teamId: { in: [...byTeam.keys()] } },
    include: { secrets: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
  return clients.map((client) => {
    const m = byTeam.get(client.teamId!)!;
    return { client, team: m.team, role: m.role as TeamRole };
  });
}
