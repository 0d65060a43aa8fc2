/** Portal use-case tests: the core harness (real migrated SQLite, controlled clock) plus users and teams. */
import { createUser } from '@/lib/account/create-user.ts';
import type { Db } from '@/lib/db/client.ts';
import { changeMemberRole, createTeam, createTeamClient, inviteMember, acceptInvitation } from '@/lib/portal/index.ts';
import type { Actor, TeamRole } from '@/lib/portal/types.ts';
import type { CreateClientInput } from '@/lib/validation/client.ts';

let counter = 0;

export async function makeActor(db: Db, opts: { admin?: boolean; email?: string } = {}): Promise<Actor & { email: string }> {
  const email = opts.email ?? `user${++counter}-${Date.now()}@example.com`;
  const user = await createUser(db, { email, password: 'correct horse battery', name: email.split('@')[0], isAdmin: opts.admin ?? false });
  return { userId: user.id, email };
}

/** A team owned by `owner`, with `others` joined through real invitations at the given roles. */
export async function makeTeam(db: Db, owner: Actor, others: [Actor & { email: string }, TeamRole][] = []) {
  const team = await createTeam(db, owner, { name: `Team ${++counter}` });
  for (const [member, role] of others) {
    const { path } = await inviteMember(db, owner, team.id, { email: member.email, role: role === 'owner' ? 'developer' : role });
    await acceptInvitation(db, member, path.split('/').pop()!);
    if (role === 'owner') await changeMemberRole(db, owner, team.id, member.userId, 'owner');
  }
  return team;
}

export const WEB: CreateClientInput = { name: 'Web App', type: 'web', redirectUris: ['https://app.example.com/cb'] };
export const SERVICE: CreateClientInput = { name: 'Worker', type: 'service' };

export async function makeTeamClient(db: Db, actor: Actor, teamId: string, input: CreateClientInput = WEB) {
  return createTeamClient(db, actor, teamId, input);
}

export async function auditActions(db: Db, filter: { clientId?: string; teamId?: string } = {}) {
  const rows = await db.auditEvent.findMany({ where: filter, orderBy: { createdAt: 'asc' } });
  return rows.map((r) => r.action);
}
