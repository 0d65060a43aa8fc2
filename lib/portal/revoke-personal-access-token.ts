/**
 * Revokes one of the actor's personal access tokens; it stops working at once (no cache).
 * revokeAllPersonalAccessTokens ends every live token of a user, inside the caller's transaction:
 * a password reset and "sign out everywhere" use it (lib/account/reset-password.ts,
 * lib/account/sign-out-everywhere.ts), since whoever had the account may have minted one.
 */
import type { Db } from '../db/client.ts';
import { isPlausibleId } from './access.ts';
import { recordAudit } from './audit.ts';
import { NotFoundError } from './errors.ts';
import { toPatSummary } from './pat-view.ts';
import type { Tx } from './transaction.ts';
import type { Actor, PersonalAccessTokenSummary } from './types.ts';

export async function revokePersonalAccessToken(db: Db, actor: Actor, tokenId: string, now = new Date()): Promise<PersonalAccessTokenSummary> {
  if (!isPlausibleId(tokenId)) throw new NotFoundError('token');
  return db.$transaction(async (tx) => {
    const row = await tx.personalAccessToken.findUnique({ where: { id: tokenId } });
    if (!row || row.userId !== actor.userId) throw new NotFoundError('token');
    if (row.revokedAt) return toPatSummary(row);
    const revoked = await tx.personalAccessToken.update({ where: { id: row.id }, data: { revokedAt: now } });
    await recordAudit(tx, { actor, action: 'pat.revoked', details: { tokenId: row.id, name: row.name }, at: now });
    return toPatSummary(revoked);
  });
}

/** Revokes every token of the user not yet revoked or expired; returns how many. The caller records why. */
export async function revokeAllPersonalAccessTokens(tx: Db | Tx, userId: string, now = new Date()): Promise<number> {
  const { count } = await tx.personalAccessToken.updateMany({ where: { userId, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now } });
  return count;
}
