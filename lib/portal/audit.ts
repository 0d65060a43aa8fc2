/**
 * The audit trail: one AuditEvent per change, written in the same transaction as the change, so
 * the record exists exactly when the change does. Details never contain secrets or tokens.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from './types.ts';
import type { Tx } from './transaction.ts';

export type AuditEntry = {
  /** null: an operator through the CLI. */
  actor: Actor | null;
  action: string;
  teamId?: string | null;
  clientId?: string | null;
  details?: Record<string, unknown>;
  at?: Date;
};

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      id: randomUUID(),
      actorUserId: entry.actor?.userId ?? null,
      teamId: entry.teamId ?? null,
      clientId: entry.clientId ?? null,
      action: entry.action,
      details: JSON.stringify(entry.details ?? {}),
      createdAt: entry.at ?? new Date(),
    },
  });
}
