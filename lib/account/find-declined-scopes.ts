/**
 * The optional scopes this user unticked for this app on an earlier consent screen
 * (Consent.declined, kept by lib/db/stores/consents.ts). The consent screen still offers them,
 * unticked, so a "no" is remembered without hiding the choice; ticking one again grants it and
 * drops it from the list.
 */
import type { Db } from '../db/client.ts';
import { parseScope } from '../oidc/scopes.ts';

export async function findDeclinedScopes(db: Db, userId: string, clientId: string): Promise<string[]> {
  const row = await db.consent.findUnique({ where: { userId_clientId: { userId, clientId } }, select: { declined: true } });
  return parseScope(row?.declined ?? '');
}
