/** One account as the console shows it: teams, groups, live browser sessions, live API tokens. */
import { listUserSessions, type SessionPolicy } from '../account/user-sessions.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../portal/types.ts';
import { readAsOperator } from './operator.ts';
import type { AdminUserDetail } from './types.ts';
import { findUserOrThrow, toUserSummary } from './user-view.ts';

export async function getUser(db: Db, actor: Actor, userId: string, now = new Date(), sessionPolicy?: SessionPolicy): Promise<AdminUserDetail> {
  return readAsOperator(db, actor, async () => {
    const row = await findUserOrThrow(db, userId);
    const [memberships, groups, sessions, personalAccessTokens] = await Promise.all([
      db.teamMember.findMany({ where: { userId }, select: { role: true, team: { select: { id: true, name: true } } }, orderBy: { createdAt: 'asc' } }),
      db.groupMember.findMany({ where: { userId }, select: { group: { select: { id: true, name: true } } }, orderBy: { group: { name: 'asc' } } }),
      listUserSessions(db, userId, null, now, sessionPolicy),
      db.personalAccessToken.count({ where: { userId, revokedAt: null, expiresAt: { gt: now } } }),
    ]);
    return {
      ...toUserSummary(row),
      teams: memberships.map((m) => ({ id: m.team.id, name: m.team.name, role: m.role })),
      groups: groups.map((g) => g.group),
      sessions: sessions.map(({ current: _current, ...session }) => session),
      personalAccessTokens,
    };
  });
}
