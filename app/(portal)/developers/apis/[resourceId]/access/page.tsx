import { ApiAccessRequests } from '@/components/portal/api-access-requests';
import { listApiAccessRequests } from '@/lib/portal';
import { loadApi } from '../../../../_lib/load-api';
import { decideAccess } from './actions';

export default async function ApiAccessPage({ params }: { params: Promise<{ resourceId: string }> }) {
  const { api, db, actor } = await loadApi((await params).resourceId);
  const requests = await listApiAccessRequests(db, actor, api.id);
  return (
    <div className="space-y-4">
      <h2 className="sr-only">Access requests</h2>
      <p className="text-sm text-zinc-700">
        Apps of other teams ask for this API’s scopes from their API access tab; apps of {api.team.name} are approved as they ask.
        An app gets only the scopes approved here, and users still consent to them.
      </p>
      <ApiAccessRequests resourceId={api.id} requests={requests} canDecide={api.role !== 'viewer'} decide={decideAccess} />
    </div>
  );
}
