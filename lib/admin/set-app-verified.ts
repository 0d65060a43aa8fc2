/**
 * Marks an app verified (the operator checked who runs it; the consent screen says so) or takes
 * the mark back: the CLI's use case (lib/portal/set-client-verified.ts) with the operator named in
 * its audit record. Applies on every instance with the next request (the "clients" counter).
 */
import type { Db } from '../db/client.ts';
import { writeClientVerified, type ClientVerification } from '../portal/set-client-verified.ts';
import type { Actor } from '../portal/types.ts';
import { asOperator } from './operator.ts';

export async function setAppVerified(db: Db, actor: Actor, clientId: string, verified: boolean, now = new Date()): Promise<ClientVerification> {
  return asOperator(db, actor, (tx) => writeClientVerified(tx, clientId, verified, actor, now));
}
