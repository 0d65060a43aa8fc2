/** Creates a team; its creator becomes its owner. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { createTeamSchema, type CreateTeamInput } from '../validation/team.ts';
import { recordAudit } from './audit.ts';
import { NotFoundError, parseInput } from './errors.ts';
import type { Actor, TeamSummary } from './types.ts';

export async function createTeam(db: Db, actor: Actor, input: CreateTeamInput): Promise<TeamSummary> {
  const { name } = parseInput(createTeamSchema, input);
  return db.$transaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id: actor.userId }, select: { id: true } }))) throw new NotFoundError('user');
    const team = await tx.team.create({ data: { id: randomUUID(), name } });
    await tx.teamMember.create({ data: { teamId: team.id, userId: actor.userId, role: 'owner' } });
    await recordAudit(tx, { actor, action: 'team.created', teamId: team.id, details: { name } });
    return { id: team.id, name: team.name, role: 'owner', personal: false, createdAt: team.createdAt };
  });
}
