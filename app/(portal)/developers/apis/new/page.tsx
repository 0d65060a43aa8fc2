import type { Metadata } from 'next';
import { ApiCreateForm } from '@/components/portal/api-create-form';
import { PageHeader } from '@/components/portal/page-header';
import { Alert } from '@/components/ui/alert';
import { ensurePersonalTeam, listTeams } from '@/lib/portal';
import { requirePortalUser } from '../../../_lib/session';
import { createApi } from './actions';

export const metadata: Metadata = { title: 'New API' };

export default async function NewApiPage() {
  const { db, actor } = await requirePortalUser('/developers/apis/new');
  const personal = await ensurePersonalTeam(db, actor);
  const teams = (await listTeams(db, actor)).filter((t) => t.role !== 'viewer');
  const team = teams.find((t) => t.id === personal.id) ?? teams[0];

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="New API" description="Register an API your team runs, so apps can ask for access tokens meant for it." />
      {team ? (
        <ApiCreateForm teams={teams} defaultTeamId={team.id} action={createApi} />
      ) : (
        <Alert tone="error" title="You cannot register APIs">
          Your role is viewer in every team you belong to. Ask a team owner to make you a developer.
        </Alert>
      )}
    </div>
  );
}
