/** One app as the console shows it (any team's, or the operator's own). */
import type { Db } from '../db/client.ts';
import { isPlausibleId } from '../portal/access.ts';
import { NotFoundError } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import { APP_SUMMARY_SELECT, toAppSummary } from './app-view.ts';
import { readAsOperator } from './operator.ts';
import type { AdminAppSummary } from './types.ts';

export async function getApp(db: Db, actor: Actor, clientId: string): Promise<AdminAppSummary> {
  return readAsOperator(db, actor, async () => {
    if (!isPlausibleId(clientId)) throw new NotFoundError();
    const row = await db.client.findUnique({ where: { id: clientId }, select: APP_SUMMARY_SELECT });
    if (!row) throw new NotFoundError();
    return toAppSummary(row);
  });
}
