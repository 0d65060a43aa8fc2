/**
 * Every app across teams (and the operator's own, made with the CLI), newest first, with its team
 * and that team's owners. Searched by name, client id, team name or an owner's email.
 */
import type { Db } from '../db/client.ts';
import type { Actor } from '../portal/types.ts';
import { APP_SUMMARY_SELECT, toAppSummary } from './app-view.ts';
import { readAsOperator } from './operator.ts';
import { clampPage, type PageRequest } from './paging.ts';
import { containsText, searchText } from './text-search.ts';
import type { AdminAppSummary, Page } from './types.ts';

export const APP_STATUSES = ['all', 'disabled', 'unverified', 'verified', 'assigned'] as const;
export type AppStatusFilter = (typeof APP_STATUSES)[number];
export type AppListFilter = PageRequest & { query?: string | null; status?: AppStatusFilter; teamId?: string | null };

export async function listApps(db: Db, actor: Actor, filter: AppListFilter = {}): Promise<Page<AdminAppSummary>> {
  return readAsOperator(db, actor, async () => {
    const text = searchText(filter.query);
    const like = text ? containsText(db, text) : null;
    const where = {
      ...(like
        ? { OR: [{ name: like }, { id: like }, { team: { name: like } }, { team: { members: { some: { role: 'owner', user: { email: like } } } } }] }
        : {}),
      ...(filter.status === 'disabled' ? { disabled: true } : {}),
      ...(filter.status === 'unverified' ? { verified: false } : {}),
      ...(filter.status === 'verified' ? { verified: true } : {}),
      ...(filter.status === 'assigned' ? { accessPolicy: 'assigned' } : {}),
      ...(filter.teamId ? { teamId: filter.teamId } : {}),
    };
    const { take, skip } = clampPage(filter);
    const [rows, total] = await Promise.all([
      db.client.findMany({ where, select: APP_SUMMARY_SELECT, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take, skip }),
      db.client.count({ where }),
    ]);
    return { items: rows.map(toAppSummary), total };
  });
}
