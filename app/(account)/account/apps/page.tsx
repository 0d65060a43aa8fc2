import type { Metadata } from 'next';
import { ConnectedAppList, type ConnectedAppItem } from '@/components/account/connected-app-list';
import { shownDate } from '@/components/account/format-date';
import { listConnectedApps } from '@/lib/account/list-connected-apps';
import { getRuntime } from '@/lib/server/runtime';
import { requireAccountUser } from '../../_lib/require-user';
import { revokeAppAccess } from './actions';

export const metadata: Metadata = { title: 'Connected apps' };

export default async function ConnectedAppsPage() {
  const user = await requireAccountUser('/account/apps');
  const now = new Date();
  const apps = await listConnectedApps((await getRuntime()).db, { userId: user.id }, now);
  const items: ConnectedAppItem[] = apps.map((app) => ({
    clientId: app.clientId,
    name: app.name,
    logoUri: app.logoUri,
    scopes: app.scopes.map((s) => s.description),
    firstAuthorized: shownDate(app.firstAuthorizedAt, now),
    lastUsed: shownDate(app.lastUsedAt, now),
    offlineAccess: app.offlineAccess,
  }));

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Connected apps</h1>
        <p className="text-sm text-zinc-700">Apps you have allowed to use your Portico account. Revoke access to any you no longer use or trust.</p>
      </header>
      <ConnectedAppList apps={items} revoke={revokeAppAccess} />
    </div>
  );
}
