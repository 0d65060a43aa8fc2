/**
 * Who may use the operator console (/admin, the admin:* API scopes): an administrator
 * (User.isAdmin) whose account is not disabled. Checked by every lib/admin use case inside its
 * own transaction, so the role read is the role its writes rely on; a demoted or disabled
 * operator loses access with their next request.
 */
import type { Db } from '../db/client.ts';
import { ForbiddenError } from '../portal/errors.ts';
import type { Tx } from '../portal/transaction.ts';
import type { Actor } from '../portal/types.ts';

export const NOT_AN_OPERATOR =
  'Only Portico operators (administrators) can use the operator console. Ask an operator to do this, or to make your account an administrator.';

export async function requireOperator(db: Db | Tx, actor: Actor): Promise<void> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { isAdmin: true, disabledAt: true } });
  if (!user?.isAdmin || user.disabledAt) throw new ForbiddenError(NOT_AN_OPERATOR);
}

/** Whether the actor is an operator, for pages that show or hide the console (never for authorising a change). */
export async function isOperator(db: Db, actor: Actor): Promise<boolean> {
  return requireOperator(db, actor).then(
    () => true,
    (err: unknown) => {
      if (err instanceof ForbiddenError) return false;
      throw err;
    },
  );
}

/** Runs `work` in one transaction after checking the actor is an operator: changes and their audit record commit together. */
export async function asOperator<T>(db: Db, actor: Actor, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await requireOperator(tx, actor);
    return work(tx);
  });
}

/** Read-only use cases: the check, then the reads, without holding a transaction open. */
export async function readAsOperator<T>(db: Db, actor: Actor, read: () => Promise<T>): Promise<T> {
  await requireOperator(db, actor);
  return read();
}
