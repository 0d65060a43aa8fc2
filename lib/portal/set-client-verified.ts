/**
 * Marks an app as verified (or no longer verified) by the operator: the operator has checked who
 * runs it, and the consent screen says so. Operator path (CLI) only: no actor, no team role — a
 * developer cannot vouch for their own app, so neither the portal nor the API can set it.
 * Takes effect on each server within its 5 s client cache.
 */
import type { Db } from '../db/client.ts';
import { isPlausibleId } from './access.ts';
import { recordAudit } from './audit.ts';
import { NotFoundError } from './errors.ts';

export type ClientVerification = { id: string; name: string; verified: boolean; /** false: it already was. */ changed: boolean };

export async function setClientVerified(db: Db, clientId: string, verified: boolean, now = new Date()): Promise<ClientVerification> {
  if (!isPlausibleId(clientId)) throw new NotFoundError();
  return db.$transaction(async (tx) => {
    const client = await tx.client.findUnique({ where: { id: clientId }, select: { id: true, name: true, teamId: true } });
    if (!client) throw new NotFoundError();
    // Conditional, so two concurrent runs write one change and one audit record between them.
    const { count } = await tx.client.updateMany({ where: { id: client.id, verified: !verified }, data: { verified } });
    if (count === 1) {
      await recordAudit(tx, {
        actor: null,
        action: verified ? 'client.verified' : 'client.unverified',
        teamId: client.teamId,
        clientId: client.id,
        details: { name: client.name },
        at: now,
      });
    }
    return { id: client.id, name: client.name, verified, changed: count === 1 };
  });
}
