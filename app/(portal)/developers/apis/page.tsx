import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiList, EmptyApis } from '@/components/portal/api-list';
import { PageHeader } from '@/components/portal/page-header';
import { buttonClass } from '@/components/ui/button';
import { ensurePersonalTeam, listApiResources, listTeams } from '@/lib/portal';
import { requirePortalUser } from '../../_lib/session';

export const metadata: Metadata = { title: 'APIs' };

export default async function ApisPage() {
  const { db, actor } = await requirePortalUser('/developers/apis');
  await ensurePersonalTeam(db, actor);
  const teams = await listTeams(db, actor);
  const apis = await listApiResources(db, actor);
  const canCreate = teams.some((t) => t.role !== 'viewer');

  return (
    <div className="space-y-6">
      <PageHeader
        title="APIs"
        description="Your teams’ own APIs: their identifiers, scopes, and which apps may use them. To call another team’s API from an app, open the app’s API access tab."
        actions={
          canCreate && apis.length ? (
            <Link href="/developers/apis/new" className={buttonClass({ fullWidth: false })}>
              New API
            </Link>
          ) : null
        }
      />
      {apis.length ? <ApiList apis={apis} showTeam={teams.length > 1} /> : <EmptyApis canCreate={canCreate} />}
    </div>
  );
}
