/** Every group, by name, with how many members and apps it has; searched by name or description. */
import type { Db } from '../db/client.ts';
import type { Actor } from '../portal/types.ts';
import { GROUP_SUMMARY_SELECT, toGroupSummary } from './group-view.ts';
import { readAsOperator } from './operator.ts';
import { containsText, searchText } from './text-search.ts';
import type { GroupSummary } from './types.ts';

export async function listGroups(db: Db, actor: Actor, filter: { query?: string | null } = {}): Promise<GroupSummary[]> {
  return readAsOperator(db, actor, async () => {
    const text = searchText(filter.query);
    const where = text ? { OR: [{ name: containsText(db, text) }, { description: containsText(db, text) }] } : {};
    const rows = await db.group.findMany({ where, select: GROUP_SUMMARY_SELECT, orderBy: { name: 'asc' }, take: 500 });
    return rows.map(toGroupSummary);
  });
}
