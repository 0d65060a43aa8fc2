/** How a User row becomes what the console shows (never its password hash or second-factor secret). */
import { isPlausibleId } from '../portal/access.ts';
import { NotFoundError } from '../portal/errors.ts';
import type { Tx } from '../portal/transaction.ts';
import type { Db } from '../db/client.ts';
import type { AdminUserSummary } from './types.ts';

export const USER_SUMMARY_SELECT = {
  id: true,
  email: true,
  name: true,
  isAdmin: true,
  emailVerified: true,
  totpEnabledAt: true,
  disabledAt: true,
  createdAt: true,
} as const;

type SummaryRow = { id: string; email: string; name: string | null; isAdmin: boolean; emailVerified: boolean; totpEnabledAt: Date | null; disabledAt: Date | null; createdAt: Date };

export function toUserSummary(row: SummaryRow): AdminUserSummary {
  const { totpEnabledAt, ...rest } = row;
  return { ...rest, twoFactor: totpEnabledAt !== null };
}

/** The user, or NotFoundError("user") for an unknown or implausible id. */
export async function findUserOrThrow(db: Db | Tx, userId: string): Promise<SummaryRow> {
  if (!isPlausibleId(userId)) throw new NotFoundError('user');
  const row = await db.user.findUnique({ where: { id: userId }, select: USER_SUMMARY_SELECT });
  if (!row) throw new NotFoundError('user');
  return row;
}
