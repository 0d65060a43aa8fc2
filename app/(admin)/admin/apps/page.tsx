import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminTable, cellClass, type Column } from '@/components/admin/admin-table';
import { AppBadges } from '@/components/admin/app-badges';
import { Pager } from '@/components/admin/pager';
import { SearchBar } from '@/components/admin/search-bar';
import { PageHeader } from '@/components/portal/page-header';
import { APP_STATUSES, DEFAULT_PAGE_SIZE, listApps, type AppStatusFilter } from '@/lib/admin';
import { operatorPage } from '../_lib/operator';
import { firstParam, pageStart, type SearchParams } from '../_lib/search-params';

export const metadata: Metadata = { title: 'Apps' };

const STATUS_LABELS: Record<AppStatusFilter, string> = { all: 'All apps', disabled: 'Disabled', unverified: 'Unverified', verified: 'Verified', assigned: 'Assigned users only' };
const COLUMNS: Column[] = [{ label: 'App' }, { label: 'Team and owners', from: 'md' }, { label: 'Status', from: 'sm', className: 'w-44' }];

export default async function AppsPage({ searchParams }: { searchParams: SearchParams }) {
  const { db, actor } = await operatorPage('/admin/apps');
  const params = await searchParams;
  const query = firstParam(params.q) ?? '';
  const requested = firstParam(params.status);
  const status: AppStatusFilter = APP_STATUSES.find((s) => s === requested) ?? 'all';
  const teamId = firstParam(params.team) ?? null;
  const skip = pageStart(params);
  const { items, total } = await listApps(db, actor, { query, status, teamId, skip, take: DEFAULT_PAGE_SIZE });

  return (
    <div className="space-y-6">
      <PageHeader title="Apps" description="Every app of every team, and the ones made with the CLI. Verify who runs an app, disable it, or choose who may sign in to it." />
      <SearchBar
        action="/admin/apps"
        label="Search apps"
        placeholder="Name, client ID, team or owner’s email"
        query={query}
        status={{ value: status, options: APP_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })) }}
      />
      <AdminTable label="Apps" columns={COLUMNS} count={items.length} empty={query ? `No app matches “${query}”.` : 'No apps yet.'}>
        {items.map((app) => (
          <tr key={app.id} data-testid="app-row">
            <td className={cellClass()}>
              <Link href={`/admin/apps/${encodeURIComponent(app.id)}`} className="font-medium wrap-break-word text-zinc-900 underline-offset-2 hover:underline">
                {app.name}
              </Link>
              <code className="block truncate font-mono text-[13px] text-zinc-600">{app.id}</code>
              <p className="truncate text-zinc-600 md:hidden">{app.team ? app.team.name : 'Operator (CLI)'}</p>
              <div className="mt-1 sm:hidden">
                <AppBadges app={app} />
              </div>
            </td>
            <td className={cellClass(COLUMNS[1])}>
              <p className="truncate text-zinc-900">{app.team ? app.team.name : 'Operator (CLI)'}</p>
              <p className="truncate text-zinc-600">{app.owners.map((o) => o.email).join(', ') || '—'}</p>
            </td>
            <td className={cellClass(COLUMNS[2])}>
              <AppBadges app={app} />
            </td>
          </tr>
        ))}
      </AdminTable>
      <Pager
        path="/admin/apps"
        params={{ q: query || undefined, status: status === 'all' ? undefined : status, team: teamId ?? undefined }}
        skip={skip}
        take={DEFAULT_PAGE_SIZE}
        total={total}
      />
    </div>
  );
}
