/** The actor's own personal access tokens, newest first (revoked and expired ones included). */
import type { Db } from '../db/client.ts';
import { toPatSummary } from './pat-view.ts';
import type { Actor, PersonalAccessTokenSummary } from './types.ts';

export async function listPersonalAccessTokens(db: Db, actor: Actor): Promise<PersonalAccessTokenSummary[]> {
  const rows = await db.personalAccessToken.findMany({ where: { userId: actor.userId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
  return rows.map(toPatSummary);
}
