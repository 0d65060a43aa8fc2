import { notFound } from 'next/navigation';
import { DangerZone } from '@/components/portal/danger-zone';
import { loadApp } from '../../../../_lib/load-app';
import { deleteApp, setDisabled } from './actions';

export default async function DangerZonePage({ params }: { params: Promise<{ clientId: string }> }) {
  const { app } = await loadApp((await params).clientId);
  if (app.role === 'viewer') notFound();
  return <DangerZone app={{ id: app.id, name: app.name, disabled: app.disabled }} canDelete={app.role === 'owner'} setDisabled={setDisabled} deleteApp={deleteApp} />;
}
