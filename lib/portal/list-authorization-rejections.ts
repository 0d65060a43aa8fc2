/**
 * The authorization requests Portico refused for an app with its own error page in the last 30
 * days (lib/db/stores/authorization-rejections.ts): when, the redirect_uri that was sent, and why.
 * What a developer needs when "Sign in with …" shows an error page instead of coming back.
 * Anyone who can see the app may see them.
 */
import type { Db } from '../db/client.ts';
import { requireClientRole } from './access.ts';
import type { Actor } from './types.ts';

export type AuthorizationRejectionView = { at: Date; redirectUri: string | null; reason: string };

const SHOWN = 20;

export async function listAuthorizationRejections(db: Db, actor: Actor, clientId: string): Promise<AuthorizationRejectionView[]> {
  const { client } = await requireClientRole(db, actor, clientId, 'viewer', 'see apps');
  const rows = await db.authorizationRejection.findMany({ where: { clientId: client.id }, orderBy: { createdAt: 'desc' }, take: SHOWN });
  return rows.map((r) => ({ at: r.createdAt, redirectUri: r.redirectUri, reason: r.reason }));
}
