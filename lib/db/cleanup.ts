/**
 * Deletes what can no longer be used: expired interactions and codes, tokens a day past their
 * expiry (a rotated refresh token is kept until it expires, so reuse is still detected), and
 * browser sessions a day after they ended or once idle past the cookie's lifetime.
 * Run periodically by every instance; the deletes are idempotent, so instances may overlap.
 */
import { SESSION_MAX_AGE_S } from '../account/user-sessions.ts';
import type { Db } from './client.ts';

const DAY_MS = 86_400_000;

export async function deleteExpired(db: Db, now: Date): Promise<{ interactions: number; codes: number; tokens: number; sessions: number }> {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const [interactions, codes, tokens, sessions] = await db.$transaction([
    db.interaction.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.authorizationCode.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - DAY_MS) } } }),
    db.token.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - DAY_MS) } } }),
    db.userSession.deleteMany({
      where: { OR: [{ endedAt: { lt: dayAgo } }, { lastSeenAt: { lt: new Date(now.getTime() - SESSION_MAX_AGE_S * 1000 - DAY_MS) } }] },
    }),
  ]);
  return { interactions: interactions.count, codes: codes.count, tokens: tokens.count, sessions: sessions.count };
}

/** Starts the periodic clean-up; the timer does not keep the process alive. */
export function scheduleCleanup(db: Db, clock: () => Date, everyMs = 10 * 60_000): () => void {
  const timer = setInterval(() => {
    deleteExpired(db, clock()).catch((err) => console.error('[portico] clean-up failed', err));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
