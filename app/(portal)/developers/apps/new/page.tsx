import type { Metadata } from 'next';
import { AppKindPicker } from '@/components/portal/app-kind-picker';
import { appKind } from '@/components/portal/app-kinds';
import { CreateAppForm } from '@/components/portal/create-app-form';
import { PageHeader } from '@/components/portal/page-header';
import { WizardSteps } from '@/components/portal/wizard-steps';
import { TextLink } from '@/components/ui/text-link';
import { Alert } from '@/components/ui/alert';
import { ensurePersonalTeam, listTeams } from '@/lib/portal';
import { CLIENT_TYPES } from '@/lib/validation/client';
import { requirePortalUser } from '../../../_lib/session';
import { createApp } from './actions';

export const metadata: Metadata = { title: 'Create app' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const isType = (value: unknown): value is (typeof CLIENT_TYPES)[number] => (CLIENT_TYPES as readonly unknown[]).includes(value);

export default async function NewAppPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const requestedTeam = typeof query.team === 'string' ? query.team : null;
  const type = isType(query.type) ? query.type : null;
  const here = new URLSearchParams();
  if (requestedTeam) here.set('team', requestedTeam);
  if (type) here.set('type', type);
  const { db, actor } = await requirePortalUser(`/developers/apps/new${here.size ? `?${here}` : ''}`);

  const personal = await ensurePersonalTeam(db, actor);
  const teams = (await listTeams(db, actor)).filter((t) => t.role !== 'viewer');
  const team = teams.find((t) => t.id === requestedTeam) ?? teams.find((t) => t.id === personal.id) ?? teams[0];
  const withTeam = (params: Record<string, string>) => {
    const search = new URLSearchParams(params);
    if (requestedTeam) search.set('team', requestedTeam);
    return `/developers/apps/new${search.size ? `?${search}` : ''}`;
  };

  if (!team) {
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        <PageHeader title="Create an app" />
        <Alert tone="error" title="You cannot create apps">
          Your role is viewer in every team you belong to. Ask a team owner to make you a developer.
        </Alert>
      </div>
    );
  }

  if (!type) {
    return (
      <div className="mx-auto max-w-4xl space-y-8">
        <div className="space-y-4">
          <WizardSteps current={1} />
          <PageHeader
            title="What kind of app are you building?"
            description="This decides how your app proves who it is and which sign-in flows it may use. You cannot change it later."
          />
        </div>
        <AppKindPicker hrefFor={(t) => withTeam({ type: t })} />
        <p className="text-sm text-zinc-700">
          Not sure? Pick <strong className="font-semibold text-zinc-900">Web application</strong> if your code runs on a server you
          control, <strong className="font-semibold text-zinc-900">Single-page app</strong> if it runs only in the browser.{' '}
          <TextLink href="/developers">Cancel</TextLink>
        </p>
      </div>
    );
  }

  const kind = appKind(type);
  return (
    <CreateAppForm
      type={type}
      teams={teams}
      defaultTeamId={team.id}
      backHref={withTeam({})}
      action={createApp}
      header={
        <div className="space-y-4">
          <WizardSteps current={2} />
          <PageHeader title={`New ${kind.label.toLowerCase()}`} description={kind.summary} />
        </div>
      }
    />
  );
}
