import { ApiAccessBrowser } from '@/components/portal/api-access-browser';
import { listAppApiAccess, listPublicApiResources } from '@/lib/portal';
import { loadApp } from '../../../../_lib/load-app';
import { requestAccess } from './actions';

export default async function AppApiAccessPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { app, db, actor } = await loadApp((await params).clientId);
  const [apis, access] = await Promise.all([listPublicApiResources(db, actor), listAppApiAccess(db, actor, app.id)]);
  return (
    <div className="space-y-4">
      <h2 className="sr-only">API access</h2>
      <p className="text-sm text-zinc-700">
        Ask for scopes of the APIs this app calls. The API’s team approves some or all of them; the app can then request tokens for
        the API (with its identifier as the resource parameter), and users still consent to each scope.
        {app.role === 'viewer' ? ' Owners and developers of the team can ask.' : ''}
      </p>
      <ApiAccessBrowser clientId={app.id} teamId={app.team.id} apis={apis} access={access} canRequest={app.role !== 'viewer'} request={requestAccess} />
    </div>
  );
}
