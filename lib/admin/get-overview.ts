/** The console's front page: how many accounts, apps and groups there are, and what needs a look. */
import type { Db } from '../db/client.ts';
import type { Actor } from '../portal/types.ts';
import { readAsOperator } from './operator.ts';

export type ConsoleOverview = { users: number; disabledUsers: number; apps: number; disabledApps: number; unverifiedApps: number; restrictedApps: number; groups: number; eventsToday: number };

export async function getOverview(db: Db, actor: Actor, now = new Date()): Promise<ConsoleOverview> {
  return readAsOperator(db, actor, async () => {
    const dayAgo = new Date(now.getTime() - 86_400_000);
    const [users, disabledUsers, apps, disabledApps, unverifiedApps, restrictedApps, groups, eventsToday] = await Promise.all([
      db.user.count(),
      db.user.count({ where: { disabledAt: { not: null } } }),
      db.client.count(),
      db.client.count({ where: { disabled: true } }),
      db.client.count({ where: { verified: false } }),
      db.client.count({ where: { accessPolicy: 'assigned' } }),
      db.group.count(),
      db.auditEvent.count({ where: { createdAt: { gt: dayAgo } } }),
    ]);
    return { users, disabledUsers, apps, disabledApps, unverifiedApps, restrictedApps, groups, eventsToday };
  });
}
