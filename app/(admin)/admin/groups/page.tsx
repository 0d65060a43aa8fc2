import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminTable, cellClass, type Column } from '@/components/admin/admin-table';
import { CreateGroupForm } from '@/components/admin/create-group-form';
import { SearchBar } from '@/components/admin/search-bar';
import { PageHeader } from '@/components/portal/page-header';
import { listGroups } from '@/lib/admin';
import { operatorPage } from '../_lib/operator';
import { firstParam, type SearchParams } from '../_lib/search-params';
import { createGroupAction } from './actions';

export const metadata: Metadata = { title: 'Groups' };

const COLUMNS: Column[] = [{ label: 'Group' }, { label: 'Members', className: 'w-24 sm:w-28' }, { label: 'Apps', from: 'sm', className: 'w-24' }];

export default async function GroupsPage({ searchParams }: { searchParams: SearchParams }) {
  const { db, actor } = await operatorPage('/admin/groups');
  const query = firstParam((await searchParams).q) ?? '';
  const groups = await listGroups(db, actor, { query });
  return (
    <div className="space-y-6">
      <PageHeader title="Groups" description="Groups of accounts for controlled access: assign a group to an app limited to assigned users, and its members may sign in to it." />
      <CreateGroupForm action={createGroupAction} />
      <SearchBar action="/admin/groups" label="Search groups" placeholder="Name or description" query={query} />
      <AdminTable label="Groups" columns={COLUMNS} count={groups.length} empty={query ? `No group matches “${query}”.` : 'No groups yet. Create one above.'}>
        {groups.map((group) => (
          <tr key={group.id} data-testid="group-row">
            <td className={cellClass()}>
              <Link href={`/admin/groups/${encodeURIComponent(group.id)}`} className="font-medium wrap-break-word text-zinc-900 underline-offset-2 hover:underline">
                {group.name}
              </Link>
              {group.description ? <p className="truncate text-zinc-600">{group.description}</p> : null}
            </td>
            <td className={cellClass(COLUMNS[1])}>{group.members}</td>
            <td className={cellClass(COLUMNS[2])}>{group.apps}</td>
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}
