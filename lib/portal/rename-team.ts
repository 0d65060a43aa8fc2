/** Renames a team (owners only). A personal team may be renamed too: it is found by its owner, not its name. */
import type { Db } from '../db/client.ts';
import { renameTeamSchema, type RenameTeamInput } from '../validation/team.ts';
import { requireTeamRole } from './access.ts';
import { recordAudit } from './audit.ts';
import { parseInput } from './errors.ts';
import type { Actor, TeamSummary } from './types.ts';

export async function renameTeam(db: Db, actor: Actor, teamId: string, input: RenameTeamInput, now = new Date()): Promise<TeamSummary> {
  const { name } = parseInput(renameTeamSchema, input);
  return db.$transaction(async (tx) => {
    const { team, role } = await requireTeamRole(tx, actor, teamId, 'owner', 'rename the team');
    const summary = { id: team.id, name, role, personal: team.personalForUserId === actor.userId, createdAt: team.createdAt };
    if (team.name === name) return summary;
    await tx.team.update({ where: { id: team.id }, data: { name } });
    await recordAudit(tx, { actor, action: 'team.renamed', teamId: team.id, details: { from: team.name, to: name }, at: now });
    return summary;
  });
}
