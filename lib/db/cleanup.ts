/**
 * Deletes what can no longer be used: expired interactions and codes, tokens a day past their
 * expiry (a rotated refresh token is kept until it expires, so reuse is still detected), device
 * authorizations a day past theirs, used JWT ids and pushed authorization requests once expired, refused authorization requests after 30 days, and
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
    // Kept a day past expiry so a late poll gets expired_token (RFC 8628 §3.5), not invalid_grant.
    db.deviceAuthorization.deleteMany({ where: { expiresAt: { lt: dayAgo } } }),
    db.usedJti.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.pushedAuthorizationRequest.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.authorizationRejection.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 30 * DAY_MS) } } }),
  ]);
  return { interactions: interactions.count, codes: codes.count, tokens: tokens.count, sessions: sessions.count };
}

/**
 * Deletes clients past their expiry (open dynamic registration, RFC 7591), at most `batch` per
 * call. Like deleting a client (lib/portal/purge-client.ts), what they were given is revoked first
 * and their codes and pending sign-ins go; secrets, consents and the rest cascade with the row.
 */
export async function deleteExpiredClients(db: Db, now: Date, batch = 500): Promise<number> {
  const expired = await db.client.findMany({ where: { expiresAt: { lt: now } }, select: { id: true }, take: batch });
  if (!expired.length) return 0;
  const clientId = { in: expired.map((c) => c.id) };
  const results = await db.$transaction([
    db.token.updateMany({ where: { clientId, revokedAt: null }, data: { revokedAt: now } }),
    db.grant.updateMany({ where: { clientId, revokedAt: null }, data: { revokedAt: now } }),
    db.authorizationCode.deleteMany({ where: { clientId } }),
    db.interaction.deleteMany({ where: { clientId } }),
    db.client.deleteMany({ where: { id: clientId, expiresAt: { lt: now } } }),
  ]);
  return results[4].count;
}

/** Starts the periodic clean-up; the timer does not keep the process alive. */
export function scheduleCleanup(db: Db, clock: () => Date, everyMs = 10 * 60_000): () => void {
  const timer = setInterval(() => {
    deleteExpired(db, clock()).catch((err) => console.error('[portico] clean-up failed', err));
    deleteExpiredClients(db, clock()).catch((err) => console.error('[portico] clean-up of expired clients failed', err));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
