/** The teams a user belongs to, with their role in each; the personal team first, then by name. */
import type { Db } from '../db/client.ts';
import type { Actor, TeamRole, TeamSummary } from './types.ts';

export async function listTeams(db: Db, actor: Actor): Promise<TeamSummary[]> {
  const memberships = await db.teamMember.findMany({ where: { userId: actor.userId }, include: { team: true } });
  return memberships
    .map((m) => ({
      id: m.team.id,
      name: m.team.name,
      role: m.role as TeamRole,
      personal: m.team.personalForUserId === actor.userId,
      createdAt: m.team.createdAt,
    }))
    .sort((a, b) => Number(b.personal) - Number(a.personal) || a.name.localeCompare(b.name));
}
