/** How a Group row becomes what the console and the API show. */
import { isPlausibleId } from '../portal/access.ts';
import { NotFoundError } from '../portal/errors.ts';
import type { Tx } from '../portal/transaction.ts';
import type { Db } from '../db/client.ts';
import type { GroupDetail, GroupSummary } from './types.ts';

export const GROUP_SUMMARY_SELECT = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
  _count: { select: { members: true, apps: true } },
} as const;

type GroupRow = { id: string; name: string; description: string | null; createdAt: Date; _count: { members: number; apps: number } };

export function toGroupSummary({ _count, ...row }: GroupRow): GroupSummary {
  return { ...row, members: _count.members, apps: _count.apps };
}

export async function loadGroupDetail(db: Db | Tx, groupId: string): Promise<GroupDetail> {
  if (!isPlausibleId(groupId)) throw new NotFoundError('group');
  const row = await db.group.findUnique({
    where: { id: groupId },
    select: {
      ...GROUP_SUMMARY_SELECT,
      members: { select: { createdAt: true, user: { select: { id: true, email: true, name: true } } }, orderBy: { user: { email: 'asc' } } },
      apps: { select: { client: { select: { id: true, name: true } } }, orderBy: { client: { name: 'asc' } } },
    },
  });
  if (!row) throw new NotFoundError('group');
  const { members, apps, ...summary } = row;
  return {
    ...toGroupSummary(summary),
    memberList: members.map((m) => ({ ...m.user, addedAt: m.createdAt })),
    appList: apps.map((a) => a.client),
  };
}

/** A taken group name (the unique index on Group.name, Prisma P2002). */
export const isDuplicateName = (err: unknown) => (err as { code?: unknown } | null)?.code === 'P2002';
