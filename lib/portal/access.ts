/**
 * Who may do what (README.md "Roles"): owner > developer > viewer, per team. Checked inside the
 * use case's transaction, so the role read is the role the writes rely on.
 *
 * - Not a member of the team, or an app with no team (operator-managed, CLI): NotFoundError, the
 *   same answer as for an id that does not exist, so ids do not leak across teams.
 * - A member whose role is too low: ForbiddenError naming the role needed.
 */
import type { Actor, TeamRole } from './types.ts';
import { ForbiddenError, NotFoundError } from './errors.ts';
import type { Tx } from './transaction.ts';

const RANK: Record<TeamRole, number> = { viewer: 1, developer: 2, owner: 3 };

/**
 * Ids arrive from URLs and forms: anything that cannot be one of ours (too long, control
 * characters, which PostgreSQL would refuse) is simply not found, before any query.
 */
export const isPlausibleId = (id: string) => id.length > 0 && id.length <= 200 && /^[\x21-\x7e]+$/.test(id);

export const hasRole = (role: TeamRole, needed: TeamRole) => RANK[role] >= RANK[needed];

const NEEDED_WORDS: Record<TeamRole, string> = { viewer: 'team members', developer: 'owners and developers', owner: 'owners' };

export function requireRank(role: TeamRole, needed: TeamRole, action: string, teamName: string): void {
  if (!hasRole(role, needed)) {
    throw new ForbiddenError(`Only ${NEEDED_WORDS[needed]} can ${action}; your role in "${teamName}" is ${role}. Ask a team owner.`);
  }
}

export async function requireTeamRole(tx: Tx, actor: Actor, teamId: string, needed: TeamRole, action: string) {
  if (!isPlausibleId(teamId)) throw new NotFoundError('team');
  const membership = await tx.teamMember.findUnique({
    where: { teamId_userId: { teamId, userId: actor.userId } },
    include: { team: true },
  });
  if (!membership) throw new NotFoundError('team');
  const role = membership.role as TeamRole;
  requireRank(role, needed, action, membership.team.name);
  return { team: membership.team, role };
}

/** The app with its team and secrets, and the actor's role, if the actor may `action` it. */
export async function requireClientRole(tx: Tx, actor: Actor, clientId: string, needed: TeamRole, action: string) {
  if (!isPlausibleId(clientId)) throw new NotFoundError();
  const client = await tx.client.findUnique({
    where: { id: clientId },
    include: { team: { include: { members: { where: { userId: actor.userId } } } }, secrets: { orderBy: { createdAt: 'desc' } } },
  });
  const membership = client?.team?.members[0];
  if (!client || !client.team || !membership) throw new NotFoundError();
  const role = membership.role as TeamRole;
  requireRank(role, needed, action, client.team.name);
  return { client: { ...client, team: client.team }, role };
}

export type AccessibleClient = Awaited<ReturnType<typeof requireClientRole>>['client'];
