import { notFound } from 'next/navigation';
import { SecretsPanel } from '@/components/portal/secrets-panel';
import { loadApp } from '../../../../_lib/load-app';
import { revokeSecret, rotateSecret } from './actions';


export default async function AppSecretsPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { app } = await loadApp((await params).clientId);
  if (app.tokenEndpointAuthMethod === 'none') notFound();
  return <SecretsPanel clientId={app.id} secrets={app.secrets} canManage={app.role !== 'viewer'} rotate={rotateSecret} revoke={revokeSecret} />;
}
