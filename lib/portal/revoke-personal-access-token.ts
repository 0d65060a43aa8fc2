/** Revokes one of the actor's personal access tokens; it stops working at once (no cache). */
import type { Db } from '../db/client.ts';
import { isPlausibleId } from './access.ts';
import { recordAudit } from './audit.ts';
import { NotFoundError } from './errors.ts';
import { toPatSummary } from './pat-view.ts';
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
