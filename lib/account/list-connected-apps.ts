/**
 * The apps that can act for the user: every client holding the user's consent or a live token
 * (not revoked, not consumed, not expired) for them. Only the actor's own data is read.
 */
import type { Db } from '../db/client.ts';
import { parseScope, parseScopeDescriptions } from '../oidc/scopes.ts';
import type { Actor } from '../portal/types.ts';
import { scopeLines, type ScopeLine } from './connected-app-scopes.ts';

export type ConnectedApp = {
  clientId: string;
  name: string;
  logoUri: string | null;
  /** What the user allowed, in plain words (from the consent; else from the live tokens). */
  scopes: ScopeLine[];
  /** When the consent was given, else the earliest authorization on record. */
  firstAuthorizedAt: Date | null;
  /** When a token was last issued to the app for this user. */
  lastUsedAt: Date | null;
  /** A live refresh token exists, or the consent includes offline_access. */
  offlineAccess: boolean;
};

export async function listConnectedApps(db: Db, actor: Actor, now: Date = new Date()): Promise<ConnectedApp[]> {
  const userId = actor.userId;
  const [consents, liveTokens] = await Promise.all([
    db.consent.findMany({ where: { userId }, select: { clientId: true, scope: true, createdAt: true } }),
    db.token.findMany({
      where: { userId, revokedAt: null, consumedAt: null, expiresAt: { gt: now } },
      select: { clientId: true, kind: true, scope: true },
    }),
  ]);
  const clientIds = [...new Set([...consents.map((c) => c.clientId), ...liveTokens.map((t) => t.clientId)])];
  if (clientIds.length === 0) return [];

  const [clients, firstGrants, lastTokens] = await Promise.all([
    db.client.findMany({ where: { id: { in: clientIds } }, select: { id: true, name: true, logoUri: true, scopeDescriptions: true } }),
    db.grant.groupBy({ by: ['clientId'], where: { userId, clientId: { in: clientIds } }, _min: { createdAt: true } }),
    db.token.groupBy({ by: ['clientId'], where: { userId, clientId: { in: clientIds } }, _max: { createdAt: true } }),
  ]);
  const consentOf = new Map(consents.map((c) => [c.clientId, c]));
  const firstGrantOf = new Map(firstGrants.map((g) => [g.clientId, g._min.createdAt]));
  const lastTokenOf = new Map(lastTokens.map((t) => [t.clientId, t._max.createdAt]));

  const apps = clients.map((client): ConnectedApp => {
    const consent = consentOf.get(client.id);
    const tokens = liveTokens.filter((t) => t.clientId === client.id);
    const granted = consent ? parseScope(consent.scope) : [...new Set(tokens.flatMap((t) => parseScope(t.scope)))];
    return {
      clientId: client.id,
      name: client.name,
      logoUri: client.logoUri,
      scopes: scopeLines(granted, parseScopeDescriptions(client.scopeDescriptions)),
      firstAuthorizedAt: consent?.createdAt ?? firstGrantOf.get(client.id) ?? null,
      lastUsedAt: lastTokenOf.get(client.id) ?? null,
      offlineAccess: granted.includes('offline_access') || tokens.some((t) => t.kind === 'refresh'),
    };
  });
  // Most recently used first; never-used apps last, by name.
  return apps.sort((a, b) => (b.lastUsedAt?.getTime() ?? 0) - (a.lastUsedAt?.getTime() ?? 0) || a.name.localeCompare(b.name));
}
