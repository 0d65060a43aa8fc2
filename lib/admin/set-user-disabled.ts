/**
 * Disables an account, or enables it again. Disabling, in one transaction with its audit record:
 * - disabledAt is set, and sign-in refuses the account with a message saying so (lib/account/sign-in.ts);
 * - every browser session ends (the cookie stops working on every instance at its next request);
 * - every grant and every access and refresh token of the user is revoked (introspection answers
 *   inactive, RFC 7662 §2.2; refresh answers invalid_grant, RFC 6749 §5.2; a pending code cannot
 *   be redeemed), and every personal access token.
 * Returns the ended session ids, so the caller tells the apps (Back-Channel Logout). Enabling only
 * clears disabledAt: the user signs in again and apps ask for consent as before.
 * An operator cannot disable their own account (they would lock themselves out mid-change).
 */
import { endUserSessions } from '../account/user-sessions.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../portal/audit.ts';
import { ValidationError } from '../portal/errors.ts';
import { revokeAllPersonalAccessTokens } from '../portal/revoke-personal-access-token.ts';
import type { Actor } from '../portal/types.ts';
import { asOperator } from './operator.ts';
import type { AdminUserSummary } from './types.ts';
import { findUserOrThrow, toUserSummary } from './user-view.ts';

export type UserDisabledChange = { user: AdminUserSummary; changed: boolean; endedSessions: string[]; revokedTokens: number; revokedPersonalAccessTokens: number };

export async function setUserDisabled(db: Db, actor: Actor, userId: string, disabled: boolean, now = new Date()): Promise<UserDisabledChange> {
  if (disabled && userId === actor.userId) {
    throw ValidationError.of('', 'You cannot disable your own account. Ask another operator, or sign out if you are done.');
  }
  return asOperator(db, actor, async (tx) => {
    const before = await findUserOrThrow(tx, userId);
    const { count } = await tx.user.updateMany({
      where: { id: userId, disabledAt: disabled ? null : { not: null } },
      data: { disabledAt: disabled ? now : null },
    });
    const summary = toUserSummary({ ...before, disabledAt: disabled ? (count ? now : before.disabledAt) : null });
    if (!disabled) {
      if (count) await recordAudit(tx, { actor, action: 'admin.user_enabled', details: { userId, email: before.email }, at: now });
      return { user: summary, changed: count === 1, endedSessions: [], revokedTokens: 0, revokedPersonalAccessTokens: 0 };
    }
    // Also when it already was disabled: whatever was issued since is ended again.
    const endedSessions = await endUserSessions(tx, userId, { now });
    await tx.grant.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    const { count: revokedTokens } = await tx.token.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    const revokedPersonalAccessTokens = await revokeAllPersonalAccessTokens(tx, userId, now);
    await recordAudit(tx, {
      actor,
      action: 'admin.user_disabled',
      details: { userId, email: before.email, sessions: endedSessions.length, tokens: revokedTokens, personalAccessTokens: revokedPersonalAccessTokens },
      at: now,
    });
    return { user: summary, changed: count === 1, endedSessions, revokedTokens, revokedPersonalAccessTokens };
  });
}
