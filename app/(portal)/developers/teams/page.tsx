import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader, Section } from '@/components/portal/page-header';
import { TeamNameForm } from '@/components/portal/team-name-form';
import { Badge } from '@/components/ui/badge';
import { ensurePersonalTeam, listTeams } from '@/lib/portal';
import { requirePortalUser } from '../../_lib/session';
import { createTeamAction } from './actions';

export const metadata: Metadata = { title: 'Teams' };

/** /developers/teams: the teams the developer belongs to (with their role), and a new team. */
export default async function TeamsPage() {
  const { db, actor } = await requirePortalUser('/developers/teams');
  await ensurePersonalTeam(db, actor);
  const teams = await listTeams(db, actor);

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader title="Teams" description="Apps and APIs belong to a team; its members reach all of them, with the rights of their role." />
      <Section id="your-teams" title="Your teams">
        <ul className="divide-y divide-zinc-200" aria-label="Teams">
          {teams.map((team) => (
            <li key={team.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-3 first:pt-0 last:pb-0">
              <Link
                href={`/developers/teams/${encodeURIComponent(team.id)}`}
                className="min-w-0 flex-1 basis-48 font-medium wrap-anywhere text-zinc-900 underline decoration-zinc-300 underline-offset-2 hover:decoration-zinc-900 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
              >
                {team.name}
              </Link>
              {team.personal ? <Badge>Personal</Badge> : null}
              <Badge tone={team.role === 'owner' ? 'blue' : 'neutral'}>
                <span className="capitalize">{team.role}</span>
              </Badge>
            </li>
          ))}
        </ul>
      </Section>
      <Section id="new-team" title="Create a team" description="Share apps with other developers: you become the team's owner and invite them by email.">
        <TeamNameForm action={createTeamAction} submitLabel="Create team" />
      </Section>
    </div>
  );
}
