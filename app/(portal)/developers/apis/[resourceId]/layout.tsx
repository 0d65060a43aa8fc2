import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AppTabs, type AppTab } from '@/components/portal/app-tabs';
import { Badge } from '@/components/ui/badge';
import { loadApi } from '../../../_lib/load-api';
import { Breadcrumb } from '@/components/portal/breadcrumb';

type Params = Promise<{ resourceId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { api } = await loadApi((await params).resourceId);
  return { title: api.name };
}

export default async function ApiLayout({ params, children }: { params: Params; children: ReactNode }) {
  const { api } = await loadApi((await params).resourceId);
  const tabs: AppTab[] = [
    { segment: '', label: 'Settings' },
    { segment: 'scopes', label: 'Scopes' },
    { segment: 'access', label: 'Access requests' },
    { segment: 'servers', label: 'Resource servers' },
  ];

  return (
    <div className="space-y-6">
      <div className="space-y-4">
        <Breadcrumb parent={{ href: '/developers/apis', label: 'APIs' }} current={api.name} />
        <div className="min-w-0 space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-xl font-semibold tracking-tight wrap-break-word sm:text-2xl">{api.name}</h1>
            <Badge>{api.tokenFormat === 'jwt' ? 'JWT tokens' : 'Opaque tokens'}</Badge>
            {api.role === 'viewer' ? <Badge>Viewer access</Badge> : null}
          </div>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-600">
            <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[13px] break-all text-zinc-900">{api.identifier}</code>
            <span>
              Team <span className="font-medium text-zinc-800">{api.team.name}</span>
            </span>
          </div>
          {api.description ? <p className="text-sm wrap-break-word text-zinc-700">{api.description}</p> : null}
        </div>
      </div>
      <AppTabs base={`/developers/apis/${encodeURIComponent(api.id)}`} tabs={tabs} label="API sections" />
      <div>{children}</div>
    </div>
  );
}
