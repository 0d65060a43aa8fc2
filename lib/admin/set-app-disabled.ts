/**
 * Disables an app, or enables it again, whatever its team: a disabled app fails client
 * authentication and gets no new tokens (as when its team disables it, lib/portal/set-client-disabled.ts);
 * tokens already issued are left alone. Recorded in the app's activity as a team change would be.
 * Applies on every instance with the next request (the "clients" counter).
 */
import type { Db } from '../db/client.ts';
import { isPlausibleId } from '../portal/access.ts';
import { recordAudit } from '../portal/audit.ts';
import { NotFoundError } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import { APP_SUMMARY_SELECT, toAppSummary } from './app-view.ts';
import { asOperator } from './operator.ts';
import type { AdminAppSummary } from './types.ts';

export async function setAppDisabled(db: Db, actor: Actor, clientId: string, disabled: boolean, now = new Date()): Promise<AdminAppSummary> {
  if (!isPlausibleId(clientId)) throw new NotFoundError();
  return asOperator(db, actor, async (tx) => {
    const { count } = await tx.client.updateMany({ where: { id: clientId, disabled: !disabled }, data: { disabled } });
    const row = await tx.client.findUnique({ where: { id: clientId }, select: APP_SUMMARY_SELECT });
    if (!row) throw new NotFoundError();
    if (count === 1) {
      await recordAudit(tx, {
        actor,
        action: disabled ? 'client.disabled' : 'client.enabled',
        teamId: row.team?.id ?? null,
        clientId,
        details: { name: row.name, by: 'operator' },
        at: now,
      });
    }
    return toAppSummary(row);
  });
}
