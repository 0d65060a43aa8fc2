/**
 * Marks an app as verified (or no longer verified) by the operator: the operator has checked who
 * runs it, and the consent screen says so. Operators only — the CLI (no actor) or /admin
 * (lib/admin/set-app-verified.ts, through writeClientVerified) — never a team role: a developer
 * cannot vouch for their own app, so neither the portal nor the developer API can set it.
 * Takes effect on each server within its 5 s client cache.
 */
import type { Db } from '../db/client.ts';
import { isPlausibleId } from './access.ts';
import { recordAudit } from './audit.ts';
import { NotFoundError } from './errors.ts';
import type { Tx } from './transaction.ts';
import type { Actor } from './types.ts';

export type ClientVerification = { id: string; name: string; verified: boolean; /** false: it already was. */ changed: boolean };

export async function setClientVerified(db: Db, clientId: string, verified: boolean, now = new Date()): Promise<ClientVerification> {
  if (!isPlausibleId(clientId)) throw new NotFoundError();
  return db.$transaction((tx) => writeClientVerified(tx, clientId, verified, null, now));
}

/** The change and its audit record inside the caller's transaction; `actor` null: the CLI (an operator in /admin passes theirs). */
export async function writeClientVerified(tx: Tx, clientId: string, verified: boolean, actor: Actor | null, now = new Date()): Promise<ClientVerification> {
  if (!isPlausibleId(clientId)) throw new NotFoundError();
  const client = await tx.client.findUnique({ where: { id: clientId }, select: { id: true, name: true, teamId: true } });
  if (!client) throw new NotFoundError();
  // Conditional, so two concurrent runs write one change and one audit record between them.
  const { count } = await tx.client.updateMany({ where: { id: client.id, verified: !verified }, data: { verified } });
  if (count === 1) {
    await recordAudit(tx, {
      actor,
      action: verified ? 'client.verified' : 'client.unverified',
      teamId: client.teamId,
      clientId: client.id,
      details: { name: client.name },
      at: now,
    });
  }
  return { id: client.id, name: client.name, verified, changed: count === 1 };
}
