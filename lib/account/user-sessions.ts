/**
 * Browser sessions as server-side records (UserSession). The next-auth JWT cookie carries the
 * row's id as `sid` (OIDC Core §2 / Back-Channel Logout §2.4); the cookie is honoured only while
 * the row exists, belongs to the cookie's user and has not ended. Ending rows is therefore how
 * Portico signs out one session, every other session (password change) or all of them (password
 * reset, "sign out everywhere"). Both readers of the cookie enforce it: next-auth's jwt callback
 * (lib/auth/options.ts) and the protocol core's session port (lib/auth/session-port.ts).
 *
 * Two timeouts (OWASP Session Management Cheat Sheet; NIST SP 800-63B §7.2): the idle timeout
 * (SESSION_MAX_AGE_S since lastSeenAt) and the absolute one (SessionPolicy.absoluteTimeoutSeconds
 * since createdAt, config.sessionAbsoluteTimeout), which activity does not extend. A session past
 * its absolute timeout is ended (endedAt) when next presented, and the user signs in again.
 *
 * A user who must replace a generated password (User.passwordChangeRequired,
 * issue-temporary-password.ts) has a session only for that: the protocol core's check refuses it
 * (no code, no consent screen for any app), while next-auth's allows it
 * (SessionPolicy.allowPendingPasswordChange) so the browser can reach /change-password. The
 * session is not ended: once the password is changed it works everywhere.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { Tx } from '../portal/transaction.ts';

/** RFC 8176 §2 values Portico produces. */
export type AuthMethod = 'pwd' | 'otp' | 'mfa';

export type SeenFrom = { ip?: string | null; userAgent?: string | null };

export type SessionValidityCheck = (userId: string, sid: string, seen?: SeenFrom) => Promise<boolean>;

/** next-auth's rolling cookie lifetime (set in lib/auth/options.ts): a session idle longer is over. */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

/** The absolute lifetime when no configuration is passed (config.ts has the same default). */
export const DEFAULT_SESSION_ABSOLUTE_TIMEOUT_S = 30 * 24 * 60 * 60;

export type SessionPolicy = { absoluteTimeoutSeconds: number; allowPendingPasswordChange?: boolean };
const DEFAULT_POLICY: SessionPolicy = { absoluteTimeoutSeconds: DEFAULT_SESSION_ABSOLUTE_TIMEOUT_S };

/** lastSeenAt is rewritten at most this often per session, so a page view is not a write. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

const clip = (value: string | null | undefined, max: number) => (value ? value.slice(0, max) : null);

export async function startUserSession(
  db: Db | Tx,
  input: { userId: string; amr: readonly string[] } & SeenFrom,
  now: Date = new Date(),
): Promise<string> {
  const id = randomBytes(16).toString('base64url');
  await db.userSession.create({
    data: { id, userId: input.userId, amr: input.amr.join(' '), ip: clip(input.ip, 64), userAgent: clip(input.userAgent, 512), createdAt: now, lastSeenAt: now },
  });
  return id;
}

export function createSessionValidityCheck(db: Db, clock: () => Date = () => new Date(), policy: SessionPolicy = DEFAULT_POLICY): SessionValidityCheck {
  return async (userId, sid, seen) => {
    const session = await db.userSession.findUnique({
      where: { id: sid },
      select: { userId: true, endedAt: true, createdAt: true, lastSeenAt: true, ip: true, user: { select: { passwordChangeRequired: true } } },
    });
    if (!session || session.userId !== userId || session.endedAt) return false;
    const now = clock();
    if (now.getTime() - session.lastSeenAt.getTime() > SESSION_MAX_AGE_S * 1000) return false;
    if (now.getTime() - session.createdAt.getTime() >= policy.absoluteTimeoutSeconds * 1000) {
      await db.userSession.updateMany({ where: { id: sid, endedAt: null }, data: { endedAt: now } });
      return false;
    }
    if (session.user.passwordChangeRequired && !policy.allowPendingPasswordChange) return false;
    if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS || (seen?.ip && seen.ip !== session.ip)) {
      const data: { lastSeenAt: Date; ip?: string | null; userAgent?: string | null } = { lastSeenAt: now };
      if (seen?.ip) data.ip = clip(seen.ip, 64);
      if (seen?.userAgent) data.userAgent = clip(seen.userAgent, 512);
      await db.userSession.updateMany({ where: { id: sid, endedAt: null }, data });
    }
    return true;
  };
}

export type UserSessionView = {
  id: string;
  amr: string[];
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

export async function listUserSessions(
  db: Db,
  userId: string,
  currentSid: string | null,
  now: Date = new Date(),
  policy: SessionPolicy = DEFAULT_POLICY,
): Promise<UserSessionView[]> {
  const idleSince = new Date(now.getTime() - SESSION_MAX_AGE_S * 1000);
  const startedAfter = new Date(now.getTime() - policy.absoluteTimeoutSeconds * 1000);
  const rows = await db.userSession.findMany({ where: { userId, endedAt: null, lastSeenAt: { gte: idleSince }, createdAt: { gt: startedAfter } }, orderBy: [{ lastSeenAt: 'desc' }, { id: 'asc' }] });
  return rows
    .map((row) => ({ id: row.id, amr: row.amr.split(' ').filter(Boolean), ip: row.ip, userAgent: row.userAgent, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt, current: row.id === currentSid }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Ends one session of the user; the ended row, or null when there was no such live session. */
export async function endUserSession(db: Db | Tx, userId: string, sid: string, now: Date = new Date()): Promise<{ id: string; userAgent: string | null } | null> {
  const row = await db.userSession.findUnique({ where: { id: sid }, select: { userId: true, userAgent: true, endedAt: true } });
  if (!row || row.userId !== userId || row.endedAt) return null;
  const { count } = await db.userSession.updateMany({ where: { id: sid, userId, endedAt: null }, data: { endedAt: now } });
  return count ? { id: sid, userAgent: row.userAgent } : null;
}

/** Ends every live session of the user except `keep`; returns the ids ended (for back-channel logout). */
export async function endUserSessions(db: Db | Tx, userId: string, opts: { keep?: string | null; now?: Date } = {}): Promise<string[]> {
  const where = { userId, endedAt: null, ...(opts.keep ? { id: { not: opts.keep } } : {}) };
  const live = await db.userSession.findMany({ where, select: { id: true } });
  if (live.length === 0) return [];
  await db.userSession.updateMany({ where: { AND: [where, { id: { in: live.map((s) => s.id) } }] }, data: { endedAt: opts.now ?? new Date() } });
  return live.map((s) => s.id);
}
