/**
 * Ending sessions that are stateless JWT cookies: User.sessionsValidAfter. A session whose
 * authTime (whole seconds, set at sign-in by lib/auth/options.ts) is before it is no longer
 * valid, and a session of a user who no longer exists is not valid either. Both readers of the
 * cookie enforce it: next-auth's jwt callback and the protocol core's session port.
 *
 * The cutoff is truncated to whole seconds, like authTime, so the session the user signs in
 * with right after a password change (same second) stays valid.
 */
import type { Db } from '../db/client.ts';

export type SessionValidityCheck = (userId: string, authTime: number) => Promise<boolean>;

export function sessionsCutoff(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 1000) * 1000);
}

export function createSessionValidityCheck(db: Db): SessionValidityCheck {
  return async (userId, authTime) => {
    const user = await db.user.findUnique({ where: { id: userId }, select: { sessionsValidAfter: true } });
    if (!user) return false;
    if (!user.sessionsValidAfter) return true;
    return authTime >= Math.floor(user.sessionsValidAfter.getTime() / 1000);
  };
}
