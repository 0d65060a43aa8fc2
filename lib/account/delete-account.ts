/**
 * Deletes the signed-in user's account, after re-authentication with their password (limited per
 * account: verify-current-password.ts).
 *
 * In one transaction: every token, grant and code the user holds is deleted (introspection then
 * answers inactive, RFC 7662 §2.2, and refresh fails), consents, personal access tokens, team
 * memberships and the user's own security events go with the user row; the apps of their personal
 * team are purged like a deleted app (every token they issued is revoked). Team audit records stay,
 * with the actor blanked. A user who is the only owner of a team that has other members must hand
 * it over first, so no team is left without an owner.
 * Returns the apps that held access, so the caller can notify them (Back-Channel Logout).
 */
import type { Db } from '../db/client.ts';
import { ForbiddenError, NotFoundError } from '../portal/errors.ts';
import { purgeClient } from '../portal/purge-client.ts';
import type { Actor } from '../portal/types.ts';
import type { Limiter } from '../rate-limit/limiter.ts';
import { verifyCurrentPassword, WrongCurrentPasswordError } from './verify-current-password.ts';

export class WrongPasswordError extends Error {
  constructor() {
    super('That password is not correct. Enter your current password to delete your account.');
  }
}

export async function deleteAccount(db: Db, passwordAttempts: Limiter, actor: Actor, password: string, now = new Date()): Promise<{ clientIds: string[] }> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { id: true } });
  if (!user) throw new NotFoundError('account');
  await verifyCurrentPassword(db, passwordAttempts, user.id, password).catch((err: unknown) => {
    throw err instanceof WrongCurrentPasswordError ? new WrongPasswordError() : err;
  });

  return db.$transaction(async (tx) => {
    const userId = user.id;
    const owned = await tx.teamMember.findMany({ where: { userId, role: 'owner' }, include: { team: { include: { members: true, clients: { select: { id: true } } } } } });
    for (const { team } of owned) {
      const otherOwners = team.members.filter((m) => m.userId !== userId && m.role === 'owner');
      const others = team.members.filter((m) => m.userId !== userId);
      if (others.length > 0 && otherOwners.length === 0) {
        throw new ForbiddenError(`You are the only owner of "${team.name}". Make another member an owner, or remove them, before deleting your account.`);
      }
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
    await tx.auditEvent.deleteMany({ where: { actorUserId: userId, teamId: null } });
    await tx.auditEvent.updateMany({ where: { actorUserId: userId }, data: { actorUserId: null } });
    // The APIs of teams that go with the account go too (their scopes, approvals and servers cascade).
    await tx.apiResource.deleteMany({ where: { teamId: { in: soleTeams.map((t) => t.id) } } });
    await tx.team.deleteMany({ where: { id: { in: soleTeams.map((t) => t.id) } } });
    await tx.user.delete({ where: { id: userId } });
    return { clientIds };
  });
}
