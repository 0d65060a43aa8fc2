/**
 * Takes a user's or a group's assignment to an app away. Under the "assigned" policy they are
 * refused at their next sign-in and get no new tokens on refresh (lib/oidc/app-access.ts); tokens
 * already issued run out on their own.
 */
import type { Db } from '../db/client.ts';
import { recordAudit } from '../portal/audit.ts';
import { NotFoundError } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import { loadAppAccess } from './app-access-view.ts';
import { asOperator } from './operator.ts';
import type { AppAccess } from './types.ts';

export async function unassignAppAccess(db: Db, actor: Actor, clientId: string, assignee: { userId: string } | { groupId: string }, now = new Date()): Promise<AppAccess> {
  return asOperator(db, actor, async (tx) => {
    const before = await loadAppAccess(tx, clientId);
    const teamId = (await tx.client.findUnique({ where: { id: clientId }, select: { teamId: true } }))?.teamId ?? null;
    let details: Record<string, unknown>;
    if ('groupId' in assignee) {
      const group = before.groups.find((g) => g.id === assignee.groupId);
      if (!group) throw new NotFoundError('group assignment');
      await tx.appGroupAssignment.delete({ where: { clientId_groupId: { clientId, groupId: group.id } } });
      details = { groupId: group.id, group: group.name };
    } else {
      const user = before.users.find((u) => u.id === assignee.userId);
      if (!user) throw new NotFoundError('user assignment');
      await tx.appUserAssignment.delete({ where: { clientId_userId: { clientId, userId: user.id } } });
      details = { userId: user.id, email: user.email };
    }
    await recordAudit(tx, { actor, action: 'admin.app_unassigned', teamId, clientId, details: { name: before.client.name, ...details }, at: now });
    return loadAppAccess(tx, clientId);
  });
}
