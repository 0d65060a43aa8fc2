/**
 * Signs a user out: one browser session, or all of them. The cookie stops working at its next
 * request on every instance (lib/account/user-sessions.ts); tokens already issued to apps are
 * left alone (disable the account to end those too). Returns the ended session ids, so the caller
 * tells the apps that got a grant in them (Back-Channel Logout).
 */
import { endUserSession, endUserSessions } from '../account/user-sessions.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../portal/audit.ts';
import { isPlausibleId } from '../portal/access.ts';
import { NotFoundError } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import { asOperator } from './operator.ts';
import { findUserOrThrow } from './user-view.ts';

export async function endUserSessionsAsOperator(
  db: Db,
  actor: Actor,
  userId: string,
  which: { sessionId: string } | 'all',
  now = new Date(),
): Promise<{ endedSessions: string[] }> {
  return asOperator(db, actor, async (tx) => {
    const user = await findUserOrThrow(tx, userId);
    let endedSessions: string[];
    if (which === 'all') {
      endedSessions = await endUserSessions(tx, userId, { now });
    } else {
      if (!isPlausibleId(which.sessionId)) throw new NotFoundError('session');
      const ended = await endUserSession(tx, userId, which.sessionId, now);
      if (!ended) throw new NotFoundError('session');
      endedSessions = [ended.id];
    }
    if (endedSessions.length) {
      await recordAudit(tx, { actor, action: 'admin.user_signed_out', details: { userId, email: user.email, sessions: endedSessions.length }, at: now });
    }
    return { endedSessions };
  });
}
