/**
 * Turns off a user's two-step verification (they lost their authenticator app and their recovery
 * codes): the TOTP secret and every recovery code are deleted, so the next sign-in asks only for
 * the password, and the user can set up a new app. Audited; sessions are left alone.
 */
import type { Db } from '../db/client.ts';
import { recordAudit } from '../portal/audit.ts';
import type { Actor } from '../portal/types.ts';
import { asOperator } from './operator.ts';
import { findUserOrThrow } from './user-view.ts';

export async function resetUserTwoFactor(db: Db, actor: Actor, userId: string, now = new Date()): Promise<{ changed: boolean }> {
  return asOperator(db, actor, async (tx) => {
    const user = await findUserOrThrow(tx, userId);
    const hadSecret = user.totpEnabledAt !== null;
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    const { count: recoveryCodes } = await tx.recoveryCode.deleteMany({ where: { userId } });
    if (hadSecret || recoveryCodes) {
      await recordAudit(tx, { actor, action: 'admin.user_two_factor_reset', details: { userId, email: user.email }, at: now });
    }
    return { changed: hadSecret || recoveryCodes > 0 };
  });
}
