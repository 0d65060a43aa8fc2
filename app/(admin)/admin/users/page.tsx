import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminTable, cellClass, type Column } from '@/components/admin/admin-table';
import { Pager } from '@/components/admin/pager';
import { SearchBar } from '@/components/admin/search-bar';
import { UserBadges } from '@/components/admin/user-badges';
import { formatDate } from '@/components/portal/format';
import { PageHeader } from '@/components/portal/page-header';
import { DEFAULT_PAGE_SIZE, listUsers, USER_STATUSES, type UserStatusFilter } from '@/lib/admin';
import { operatorPage } from '../_lib/operator';
import { firstParam, pageStart, type SearchParams } from '../_lib/search-params';

export const metadata: Metadata = { title: 'Users' };

const STATUS_LABELS: Record<UserStatusFilter, string> = { all: 'All accounts', active: 'Active', disabled: 'Disabled', admins: 'Operators' };
const COLUMNS: Column[] = [{ label: 'Account' }, { label: 'Status', from: 'sm', className: 'w-48' }, { label: 'Created', from: 'md', className: 'w-32' }];

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const { db, actor } = await operatorPage('/admin/users');
  const params = await searchParams;
  const query = firstParam(params.q) ?? '';
  const requested = firstParam(params.status);
  const status: UserStatusFilter = USER_STATUSES.find((s) => s === requested) ?? 'all';
  const skip = pageStart(params);
  const { items, total } = await listUsers(db, actor, { query, status, skip, take: DEFAULT_PAGE_SIZE });

  return (
    <div className="space-y-6">
      <PageHeader title="Users" description="Every account. Open one to see its sessions and groups, disable it, reset its two-step verification or delete it." />
      <SearchBar
        action="/admin/users"
        label="Search users"
        placeholder="Email or name"
        query={query}
        status={{ value: status, options: USER_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })) }}
      />
      <AdminTable label="Users" columns={COLUMNS} count={items.length} empty={query ? `No account matches “${query}”.` : 'No accounts yet.'}>
        {items.map((user) => (
          <tr key={user.id} data-testid="user-row">
            <td className={cellClass()}>
              <Link href={`/admin/users/${encodeURIComponent(user.id)}`} className="font-medium wrap-break-word text-zinc-900 underline-offset-2 hover:underline">
                {user.email}
              </Link>
              {user.name ? <p className="truncate text-zinc-600">{user.name}</p> : null}
              <div className="mt-1 sm:hidden">
                <UserBadges user={user} />
              </div>
            </td>
            <td className={cellClass(COLUMNS[1])}>
              <UserBadges user={user} />
            </td>
            <td className={cellClass(COLUMNS[2])}>{formatDate(user.createdAt)}</td>
          </tr>
        ))}
      </AdminTable>
      <Pager path="/admin/users" params={{ q: query || undefined, status: status === 'all' ? undefined : status }} skip={skip} take={DEFAULT_PAGE_SIZE} total={total} />
    </div>
  );
}
