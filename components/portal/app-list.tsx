import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { ClientSummary } from '@/lib/portal/types';
import { AppTypeBadge } from './app-type-badge';
import { formatDate } from './format';

/** The apps on the dashboard: one row each, the whole row a link to the app's page. */
export function AppList({ apps, showTeam }: { apps: readonly ClientSummary[]; showTeam: boolean }) {
  return (
    <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm">
      <div aria-hidden="true" className="hidden grid-cols-[minmax(0,2fr)_8.5rem_minmax(0,1.6fr)_7rem] gap-4 border-b border-zinc-200 bg-zinc-50 px-5 py-2 text-xs font-medium tracking-wide text-zinc-600 uppercase md:grid">
        <span>Name</span>
        <span>Type</span>
        <span>Client ID</span>
        <span>Created</span>
      </div>
      <ul className="divide-y divide-zinc-200" aria-label="Apps">
        {apps.map((app) => (
          <li key={app.id} className="relative hover:bg-zinc-50 focus-within:bg-zinc-50">
            <div className="grid gap-x-4 gap-y-2 px-5 py-4 md:grid-cols-[minmax(0,2fr)_8.5rem_minmax(0,1.6fr)_7rem] md:items-center">
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  <Link
                    href={`/developers/apps/${encodeURIComponent(app.id)}`}
                    className="font-semibold text-zinc-900 wrap-break-word after:absolute after:inset-0 focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:-outline-offset-2 focus-visible:after:outline-focus focus-visible:after:rounded-sm"
                  >
                    {app.name}
                  </Link>
                  {app.disabled ? <Badge tone="red">Disabled</Badge> : null}
                </div>
                {showTeam || app.description ? (
                  <p className="mt-0.5 truncate text-sm text-zinc-600">
                    {showTeam ? app.team.name : null}
                    {showTeam && app.description ? ' · ' : null}
                    {app.description}
                  </p>
                ) : null}
              </div>
              <div>
                <AppTypeBadge type={app.type} />
              </div>
              <div className="min-w-0">
                <span className="sr-only">Client ID: </span>
                <code className="block truncate font-mono text-[13px] text-zinc-700">{app.id}</code>
              </div>
              <div className="text-sm text-zinc-600">
                <span className="md:sr-only">Created </span>
                {formatDate(app.createdAt)}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
