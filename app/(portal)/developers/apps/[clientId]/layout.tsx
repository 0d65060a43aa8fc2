import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AppAvatar } from '@/components/portal/app-avatar';
import { AppTabs, type AppTab } from '@/components/portal/app-tabs';
import { AppTypeBadge } from '@/components/portal/app-type-badge';
import { Badge } from '@/components/ui/badge';
import { CopyButton } from '@/components/ui/copy-button';
import { usesSecret } from '@/lib/validation/client-auth-method';
import { loadApp } from '../../../_lib/load-app';
import { Breadcrumb } from '@/components/portal/breadcrumb';

type Params = Promise<{ clientId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { app } = await loadApp((await params).clientId);
  return { title: app.name };
}

export default async function AppLayout({ params, children }: { params: Params; children: ReactNode }) {
  const clientId = (await params).clientId;
  const { app } = await loadApp(clientId);
  const base = `/developers/apps/${encodeURIComponent(app.id)}`;
  const hasSecrets = usesSecret(app.tokenEndpointAuthMethod);
  const canEdit = app.role !== 'viewer';
  const tabs: AppTab[] = [
    { segment: '', label: 'Settings' },
    ...(hasSecrets ? [{ segment: 'secrets', label: 'Secrets' }] : []),
    { segment: 'quickstart', label: 'Quickstart' },
    { segment: 'api-access', label: 'API access' },
    { segment: 'activity', label: 'Activity' },
    { segment: 'team', label: 'Team' },
    ...(canEdit ? [{ segment: 'danger', label: 'Danger zone' }] : []),
  ];

  return (
    <div className="space-y-6">
      <div className="space-y-4">
        <Breadcrumb parent={{ href: '/developers', label: 'Apps' }} current={app.name} />
        <div className="flex items-start gap-4 sm:items-center">
          <span className="hidden sm:block">
            <AppAvatar name={app.name} logoUri={app.logoUri} size="lg" />
          </span>
          <span className="sm:hidden">
            <AppAvatar name={app.name} logoUri={app.logoUri} />
          </span>
          <div className="min-w-0 flex-1 space-y-2">
            <div className="flex flex-wrap items-center gap-2">
              <h1 className="min-w-0 text-xl font-semibold tracking-tight wrap-anywhere sm:text-2xl">{app.name}</h1>
              <AppTypeBadge type={app.type} />
              {app.verified ? <Badge tone="green">Verified by the operator</Badge> : null}
              {app.disabled ? <Badge tone="red">Disabled</Badge> : null}
              {app.role === 'viewer' ? <Badge>Viewer access</Badge> : null}
            </div>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-600">
              <span className="flex min-w-0 flex-wrap items-center gap-2">
                <span className="whitespace-nowrap">Client ID</span>
                <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[13px] break-all text-zinc-900" data-testid="app-client-id">
                  {app.id}
                </code>
                <CopyButton value={app.id} label="Copy client ID" />
              </span>
              <span className="min-w-0 wrap-anywhere">
                Team <span className="font-medium text-zinc-800">{app.team.name}</span>
              </span>
            </div>
          </div>
        </div>
      </div>
      {app.disabled ? (
        <p role="status" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          This app is disabled: Portico refuses its sign-ins and token requests. {canEdit ? 'Enable it again in the Danger zone.' : ''}
        </p>
      ) : null}
      <AppTabs base={base} tabs={tabs} />
      <div>{children}</div>
    </div>
  );
}
