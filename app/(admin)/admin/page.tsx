import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/portal/page-header';
import { getOverview } from '@/lib/admin';
import { operatorPage } from './_lib/operator';

export const metadata: Metadata = { title: 'Overview' };

/** The console's front page: counts that lead to the list behind them. */
export default async function AdminOverviewPage() {
  const { db, actor } = await operatorPage('/admin');
  const o = await getOverview(db, actor);
  const tiles = [
    { href: '/admin/users', label: 'Accounts', value: o.users, note: o.disabledUsers ? `${o.disabledUsers} disabled` : 'none disabled' },
    { href: '/admin/apps', label: 'Apps', value: o.apps, note: `${o.unverifiedApps} unverified · ${o.disabledApps} disabled` },
    { href: '/admin/apps?status=assigned', label: 'Apps limited to assigned users', value: o.restrictedApps, note: 'controlled access' },
    { href: '/admin/groups', label: 'Groups', value: o.groups, note: 'for controlled access' },
    { href: '/admin/audit', label: 'Audit events in the last 24 hours', value: o.eventsToday, note: 'filter and export' },
  ];
  return (
    <div className="space-y-6">
      <PageHeader title="Operator console" description="Accounts, apps across every team, access, signing keys and settings of this Portico." />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="At a glance">
        {tiles.map((tile) => (
          <li key={tile.href}>
            <Link
              href={tile.href}
              className="block h-full rounded-xl border border-zinc-200 bg-white p-5 shadow-sm hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
            >
              <span className="block text-sm font-medium text-zinc-700">{tile.label}</span>
              <span className="mt-1 block text-3xl font-semibold tracking-tight text-zinc-900">{tile.value}</span>
              <span className="mt-1 block text-sm text-zinc-600">{tile.note}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
