/**
 * A user's personal team ("<name>'s apps"), created the first time it is needed (first app, first
 * API call without team_id). Team.personalForUserId is unique, so two concurrent first requests
 * make one team: the loser of the race reads the winner's.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { recordAudit } from './audit.ts';
import { NotFoundError } from './errors.ts';
import type { Actor, TeamRole, TeamSummary } from './types.ts';

export async function ensurePersonalTeam(db: Db, actor: Actor): Promise<TeamSummary> {
  const existing = await findPersonalTeam(db, actor);
  if (existing) return existing;
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true, email: true } });
      if (!user) throw new NotFoundError('user');
      const name = `${user.name?.trim() || user.email.split('@')[0]}'s apps`;
      const team = await tx.team.create({ data: { id: randomUUID(), name, personalForUserId: actor.userId } });
      await tx.teamMember.create({ data: { teamId: team.id, userId: actor.userId, role: 'owner' } });
      await recordAudit(tx, { actor, action: 'team.created', teamId: team.id, details: { name, personal: true } });
      return { id: team.id, name, role: 'owner' as const, personal: true, createdAt: team.createdAt };
    });
  } catch (err) {
    // P2002: another request created it first (unique personalForUserId).
    const raced = (err as { code?: unknown } | null)?.code === 'P2002' ? await findPersonalTeam(db, actor) : null;
    if (raced) return raced;
    throw err;
  }
}

async function findPersonalTeam(db: Db, actor: Actor): Promise<TeamSummary | null> {
  const team = await db.team.findUnique({
    where: { personalForUserId: actor.userId },
    include: { members: { where: { userId: actor.userId } } },
  });
  const membership = team?.members[0];
  if (!team || !membership) return null;
  return { id: team.id, name: team.name, role: membership.role as TeamRole, personal: true, createdAt: team.createdAt };
}
