/**
 * Deletes an account for good (lib/account/erase-user.ts: tokens, grants, sessions, memberships,
 * the teams only they belong to with their apps), in one transaction with the audit record, which
 * keeps the email so the log still says who it was. Not the operator's own account (that is
 * /account/delete, with their password). Returns the apps that held access, for Back-Channel Logout.
 */
import { eraseUser } from '../account/erase-user.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../portal/audit.ts';
import { ValidationError } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import { asOperator } from './operator.ts';
import { findUserOrThrow } from './user-view.ts';

export async function deleteUser(db: Db, actor: Actor, userId: string, now = new Date()): Promise<{ email: string; clientIds: string[] }> {
  if (userId === actor.userId) throw ValidationError.of('', 'You cannot delete your own account here. Use Delete account in your account settings.');
  return asOperator(db, actor, async (tx) => {
    const user = await findUserOrThrow(tx, userId);
    const { clientIds } = await eraseUser(tx, userId, now, (team) =>
      `${user.email} is the only owner of "${team}", which has other members. Make another member an owner first (or remove the members), then delete the account.`,
    );
    await recordAudit(tx, { actor, action: 'admin.user_deleted', details: { userId, email: user.email, apps: clientIds.length }, at: now });
    return { email: user.email, clientIds };
  });
}
