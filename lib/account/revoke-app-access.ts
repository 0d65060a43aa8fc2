/**
 * "Revoke access" on /account/apps: the app loses everything the user gave it, at once.
 *
 * In one transaction: the consent is deleted (the next authorization asks again), every Grant of
 * the user for the app is revoked (so a pending authorization code can no longer be redeemed), and
 * every access and refresh token of the user for the app gets revokedAt (introspection reports
 * them inactive, RFC 7662 §2.2, and a refresh answers invalid_grant, RFC 6749 §5.2). Other users'
 * tokens for the same app are untouched. The audit record is written in the same transaction.
 */
import type { Db } from '../db/client.ts';
import { parseScope } from '../oidc/scopes.ts';
import { NotFoundError } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import { recordSecurityEvent } from './record-security-event.ts';

export type RevokedAppAccess = { clientId: string; name: string; tokensRevoked: number };

export async function revokeAppAccess(db: Db, actor: Actor, clientId: string, now: Date = new Date()): Promise<RevokedAppAccess> {
  const userId = actor.userId;
  return db.$transaction(async (tx) => {
    const client = await tx.client.findUnique({ where: { id: clientId }, select: { id: true, name: true } });
    if (!client) throw new NotFoundError('connected app');
    const consent = await tx.consent.findUnique({ where: { userId_clientId: { userId, clientId } } });
    const live = await tx.token.count({ where: { userId, clientId, revokedAt: null, consumedAt: null, expiresAt: { gt: now } } });
    if (!consent && live === 0) throw new NotFoundError('connected app');

    await tx.consent.deleteMany({ where: { userId, clientId } });
    await tx.grant.updateMany({ where: { userId, clientId, revokedAt: null }, data: { revokedAt: now } });
    const { count } = await tx.token.updateMany({ where: { userId, clientId, revokedAt: null }, data: { revokedAt: now } });
    await recordSecurityEvent(tx, {
      userId,
      action: 'consent.revoked',
      clientId,
      details: { clientName: client.name, scopes: consent ? parseScope(consent.scope) : [], tokensRevoked: count },
      at: now,
    });
    return { clientId, name: client.name, tokensRevoked: count };
  });
}
