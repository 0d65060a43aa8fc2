/**
 * The audit record of a sign-in (shown on /account/activity). A browser this account has never
 * signed in with before (no earlier sign-in with the same User-Agent) is marked as a new device,
 * so a sign-in by someone else stands out in the list.
 */
import type { Db } from '../db/client.ts';
import { recordSecurityEvent } from './record-security-event.ts';

const MAX_USER_AGENT = 512;

export async function recordSignIn(db: Db, userId: string, userAgent: string | null, now: Date = new Date()): Promise<void> {
  const agent = userAgent?.slice(0, MAX_USER_AGENT) || null;
  const details: Record<string, unknown> = agent ? { userAgent: agent } : {};
  if (agent) {
    // details is the JSON text recordSecurityEvent wrote; the quoted value matches it exactly.
    const seen = await db.auditEvent.findFirst({
      where: { actorUserId: userId, action: 'user.signed_in', details: { contains: `"userAgent":${JSON.stringify(agent)}` } },
      select: { id: true },
    });
    if (!seen) details.newDevice = true;
  }
  await recordSecurityEvent(db, { userId, action: 'user.signed_in', details, at: now });
}
