import { notFound } from 'next/navigation';
import { SecretsPanel } from '@/components/portal/secrets-panel';
import { usesSecret } from '@/lib/validation/client-auth-method';
import { loadApp } from '../../../../_lib/load-app';
import { revokeSecret, rotateSecret } from './actions';


export default async function AppSecretsPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { app } = await loadApp((await params).clientId);
  // Public apps have no secret; a private_key_jwt app proves itself with its key.
  if (!usesSecret(app.tokenEndpointAuthMethod)) notFound();
  return <SecretsPanel clientId={app.id} secrets={app.secrets} canManage={app.role !== 'viewer'} rotate={rotateSecret} revoke={revokeSecret} />;
}
