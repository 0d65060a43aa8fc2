/**
 * Who is signed in, as the account menu and the unverified-email notices need it: the address,
 * whether it is confirmed, and whether the account may open the operator console (an
 * administrator whose account is not disabled; lib/admin/operator.ts decides each action itself).
 */
import type { Db } from '../db/client.ts';
import type { Actor } from '../portal/types.ts';

export type AccountSummary = { email: string; name: string | null; emailVerified: boolean; isOperator: boolean };

export async function findAccountSummary(db: Db, actor: Actor): Promise<AccountSummary | null> {
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: { email: true, name: true, emailVerified: true, isAdmin: true, disabledAt: true },
  });
  if (!user) return null;
  return { email: user.email, name: user.name, emailVerified: user.emailVerified, isOperator: user.isAdmin && !user.disabledAt };
}
