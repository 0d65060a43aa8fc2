import type { Metadata } from 'next';
import Link from 'next/link';
import { AppList } from '@/components/portal/app-list';
import { EmptyApps } from '@/components/portal/empty-apps';
import { PageHeader } from '@/components/portal/page-header';
import { TeamSwitcher } from '@/components/portal/team-switcher';
import { buttonClass } from '@/components/ui/button';
import { ensurePersonalTeam, listClients, listTeams } from '@/lib/portal';
import { requirePortalUser } from '../_lib/session';

export const metadata: Metadata = { title: 'Apps' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).team;
  const requested = typeof raw === 'string' ? raw : null;
  const { db, actor, config } = await requirePortalUser(requested ? `/developers?team=${encodeURIComponent(requested)}` : '/developers');

  const personal = await ensurePersonalTeam(db, actor);
  const teams = await listTeams(db, actor);
  const team = teams.find((t) => t.id === requested) ?? null;
  const apps = await listClients(db, actor, team ? { teamId: team.id } : {});

  const createTeam = team ?? personal;
  const canCreate = createTeam.role !== 'viewer' || teams.some((t) => t.role !== 'viewer');
  const createHref = `/developers/apps/new?team=${encodeURIComponent(createTeam.role !== 'viewer' ? createTeam.id : personal.id)}`;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Apps"
        description={team ? <>Apps of <strong className="font-semibold text-zinc-900">{team.name}</strong>.</> : 'Every app you can see, across your teams.'}
        actions={
          canCreate && apps.length ? (
            <Link href={createHref} className={buttonClass({ fullWidth: false })}>
              <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
                <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
              </svg>
              Create app
            </Link>
          ) : null
        }
      />
      {teams.length > 1 ? <TeamSwitcher teams={teams} current={team?.id ?? null} /> : null}
      {apps.length ? (
        <AppList apps={apps} showTeam={teams.length > 1 && !team} />
      ) : (
        <EmptyApps createHref={createHref} issuer={config.issuer} canCreate={canCreate} />
      )}
    </div>
  );
}
