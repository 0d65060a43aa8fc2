/** The account an operator names by email address or id (group members, app assignments). */
import { isPlausibleId } from '../portal/access.ts';
import { NotFoundError, ValidationError } from '../portal/errors.ts';
import type { Tx } from '../portal/transaction.ts';

export type AccountRef = { email: string } | { userId: string };

export async function findAccount(tx: Tx, ref: AccountRef): Promise<{ id: string; email: string; name: string | null }> {
  const select = { id: true, email: true, name: true } as const;
  if ('email' in ref) {
    const user = await tx.user.findUnique({ where: { email: ref.email }, select });
    if (!user) throw ValidationError.of('email', `There is no account with the email address ${ref.email}. Check the spelling, or ask them to sign up first.`);
    return user;
  }
  const user = isPlausibleId(ref.userId) ? await tx.user.findUnique({ where: { id: ref.userId }, select }) : null;
  if (!user) throw new NotFoundError('user');
  return user;
}
