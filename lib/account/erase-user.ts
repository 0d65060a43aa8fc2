/**
 * Removes a user and everything that is theirs, inside the caller's transaction: the user deleting
 * their own account (delete-account.ts) and an operator deleting one (lib/admin/delete-user.ts).
 *
 * Every token, grant and code the user holds is deleted (introspection then answers inactive,
 * RFC 7662 §2.2, and refresh fails); consents, personal access tokens, sessions, team and group
 * memberships, app assignments and the user's own security events go (what they did as an operator stays) with the user row; the apps
 * of teams only they belong to are purged like a deleted app (every token they issued is
 * revoked) and those teams' APIs and the teams go too. Team audit records stay, with the actor
 * blanked. A user who is the only owner of a team that has other members cannot be erased, so no
 * team is left without an owner: `soleOwner` words that refusal for whoever asked.
 * Returns the apps that held access, so the caller can notify them (Back-Channel Logout).
 */
import { ForbiddenError } from '../portal/errors.ts';
import { purgeClient } from '../portal/purge-client.ts';
import type { Tx } from '../portal/transaction.ts';

export async function eraseUser(tx: Tx, userId: string, now: Date, soleOwner: (teamName: string) => string): Promise<{ clientIds: string[] }> {
  const owned = await tx.teamMember.findMany({ where: { userId, role: 'owner' }, include: { team: { include: { members: true, clients: { select: { id: true } } } } } });
  for (const { team } of owned) {
    const otherOwners = team.members.filter((m) => m.userId !== userId && m.role === 'owner');
    const others = team.members.filter((m) => m.userId !== userId);
    if (others.length > 0 && otherOwners.length === 0) throw new ForbiddenError(soleOwner(team.name));
  }
  const soleTeams = owned.map((o) => o.team).filter((t) => t.members.every((m) => m.userId === userId));
  for (const team of soleTeams) {
    for (const client of team.clients) await purgeClient(tx, client.id, now);
  }

  const grants = await tx.grant.findMany({ where: { userId }, select: { clientId: true }, distinct: ['clientId'] });
  const consents = await tx.consent.findMany({ where: { userId }, select: { clientId: true } });
  const purged = new Set(soleTeams.flatMap((t) => t.clients.map((c) => c.id)));
  const clientIds = [...new Set([...grants, ...consents].map((g) => g.clientId))].filter((id) => !purged.has(id));

  await tx.token.deleteMany({ where: { userId } });
  await tx.authorizationCode.deleteMany({ where: { userId } });
  await tx.grant.deleteMany({ where: { userId } });
  // The user's own events go; what they did as an operator stays on the record, like team events.
  await tx.auditEvent.deleteMany({ where: { actorUserId: userId, teamId: null, NOT: { action: { startsWith: 'admin.' } } } });
  await tx.auditEvent.updateMany({ where: { actorUserId: userId }, data: { actorUserId: null } });
  // The APIs of teams that go with the account go too (their scopes, approvals and servers cascade).
  await tx.apiResource.deleteMany({ where: { teamId: { in: soleTeams.map((t) => t.id) } } });
  await tx.team.deleteMany({ where: { id: { in: soleTeams.map((t) => t.id) } } });
  await tx.user.delete({ where: { id: userId } });
  return { clientIds };
}
