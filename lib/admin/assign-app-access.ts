/**
 * Lets a user (by email address or id) or a group use an app whose policy is "assigned".
 * Assigning while the app lets everyone in is allowed: it prepares the list before the switch.
 * Assigning twice changes nothing.
 */
import type { Db } from '../db/client.ts';
import { isPlausibleId } from '../portal/access.ts';
import { recordAudit } from '../portal/audit.ts';
import { NotFoundError, parseInput } from '../portal/errors.ts';
import type { Tx } from '../portal/transaction.ts';
import type { Actor } from '../portal/types.ts';
import { appAssigneeSchema, type AppAssignee } from '../validation/app-access.ts';
import { loadAppAccess } from './app-access-view.ts';
import { findAccount } from './find-account.ts';
import { asOperator } from './operator.ts';
import type { AppAccess } from './types.ts';

export async function assignAppAccess(db: Db, actor: Actor, clientId: string, assignee: AppAssignee, now = new Date()): Promise<AppAccess> {
  const who = parseInput(appAssigneeSchema, assignee);
  return asOperator(db, actor, async (tx) => {
    const before = await loadAppAccess(tx, clientId);
    const teamId = (await tx.client.findUnique({ where: { id: clientId }, select: { teamId: true } }))?.teamId ?? null;
    const audit = (details: Record<string, unknown>) =>
      recordAudit(tx, { actor, action: 'admin.app_assigned', teamId, clientId, details: { name: before.client.name, ...details }, at: now });
    if ('groupId' in who) {
      const group = await findGroup(tx, who.groupId);
      if (before.groups.some((g) => g.id === group.id)) return before;
      await tx.appGroupAssignment.create({ data: { clientId, groupId: group.id, createdAt: now } });
      await audit({ groupId: group.id, group: group.name });
    } else {
      const user = await findAccount(tx, who);
      if (before.users.some((u) => u.id === user.id)) return before;
      await tx.appUserAssignment.create({ data: { clientId, userId: user.id, createdAt: now } });
      await audit({ userId: user.id, email: user.email });
    }
    return loadAppAccess(tx, clientId);
  });
}

async function findGroup(tx: Tx, groupId: string): Promise<{ id: string; name: string }> {
  const group = isPlausibleId(groupId) ? await tx.group.findUnique({ where: { id: groupId }, select: { id: true, name: true } }) : null;
  if (!group) throw new NotFoundError('group');
  return group;
}
