/** Every account, newest first, searched by email or name; filtered to disabled accounts or operators. */
import type { Db } from '../db/client.ts';
import type { Actor } from '../portal/types.ts';
import { readAsOperator } from './operator.ts';
import { clampPage, type PageRequest } from './paging.ts';
import { containsText, searchText } from './text-search.ts';
import type { AdminUserSummary, Page } from './types.ts';
import { toUserSummary, USER_SUMMARY_SELECT } from './user-view.ts';

export const USER_STATUSES = ['all', 'active', 'disabled', 'admins'] as const;
export type UserStatusFilter = (typeof USER_STATUSES)[number];
export type UserListFilter = PageRequest & { query?: string | null; status?: UserStatusFilter };

export async function listUsers(db: Db, actor: Actor, filter: UserListFilter = {}): Promise<Page<AdminUserSummary>> {
  return readAsOperator(db, actor, async () => {
    const text = searchText(filter.query);
    const where = {
      ...(text ? { OR: [{ email: containsText(db, text) }, { name: containsText(db, text) }] } : {}),
      ...(filter.status === 'disabled' ? { disabledAt: { not: null } } : {}),
      ...(filter.status === 'active' ? { disabledAt: null } : {}),
      ...(filter.status === 'admins' ? { isAdmin: true } : {}),
    };
    const { take, skip } = clampPage(filter);
    const [rows, total] = await Promise.all([
      db.user.findMany({ where, select: USER_SUMMARY_SELECT, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take, skip }),
      db.user.count({ where }),
    ]);
    return { items: rows.map(toUserSummary), total };
  });
}
