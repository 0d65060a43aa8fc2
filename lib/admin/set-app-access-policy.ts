/**
 * Opens an app to everyone, or limits it to the users and groups assigned to it
 * (lib/oidc/app-access.ts enforces it at sign-in and refresh). Assignments are kept either way,
 * so switching back and forth loses nothing. Applies on every instance within a moment (the
 * "clients" counter moves with the change).
 */
import type { Db } from '../db/client.ts';
import { recordAudit } from '../portal/audit.ts';
import { parseInput } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import { accessPolicyField } from '../validation/app-access.ts';
import { loadAppAccess } from './app-access-view.ts';
import { asOperator } from './operator.ts';
import type { AccessPolicy, AppAccess } from './types.ts';

export async function setAppAccessPolicy(db: Db, actor: Actor, clientId: string, policy: AccessPolicy, now = new Date()): Promise<AppAccess> {
  const value = parseInput(accessPolicyField, policy);
  return asOperator(db, actor, async (tx) => {
    const before = await loadAppAccess(tx, clientId);
    if (before.policy === value) return before;
    const client = await tx.client.update({ where: { id: clientId }, data: { accessPolicy: value }, select: { teamId: true } });
    await recordAudit(tx, {
      actor,
      action: 'admin.app_access_policy',
      teamId: client.teamId,
      clientId,
      details: { name: before.client.name, policy: value, users: before.users.length, groups: before.groups.length },
      at: now,
    });
    return { ...before, policy: value };
  });
}
