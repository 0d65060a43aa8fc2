/**
 * /account/sessions "Sign out everywhere": every session of the user ends, this browser's too,
 * and every personal access token is revoked: the button is what someone presses who fears their
 * account is in other hands, and a token minted by those hands would outlive the sessions. One
 * transaction with the audit record. The ended session ids are returned, for back-channel logout.
 */
import type { Db } from '../db/client.ts';
import { revokeAllPersonalAccessTokens } from '../portal/revoke-personal-access-token.ts';
import { recordSecurityEvent } from './record-security-event.ts';
import { endUserSessions } from './user-sessions.ts';

export async function signOutEverywhere(db: Db, userId: string, now: Date = new Date()): Promise<{ endedSessions: string[]; revokedTokens: number }> {
  return db.$transaction(async (tx) => {
    const endedSessions = await endUserSessions(tx, userId, { now });
    const revokedTokens = await revokeAllPersonalAccessTokens(tx, userId, now);
    await recordSecurityEvent(tx, {
      userId,
      action: 'user.signed_out_everywhere',
      details: { sessions: endedSessions.length, personalAccessTokens: revokedTokens },
      at: now,
    });
    return { endedSessions, revokedTokens };
  });
}
