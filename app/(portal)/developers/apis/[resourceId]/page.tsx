import { ApiDangerZone } from '@/components/portal/api-danger-zone';
import { ApiSettingsForm } from '@/components/portal/api-settings-form';
import { loadApi } from '../../../_lib/load-api';
import { deleteApi, saveApiSettings } from './actions';

export default async function ApiSettingsPage({ params }: { params: Promise<{ resourceId: string }> }) {
  const { api } = await loadApi((await params).resourceId);
  return (
    <div className="space-y-6">
      <h2 className="sr-only">Settings</h2>
      <ApiSettingsForm api={api} action={saveApiSettings} />
      {api.role !== 'viewer' ? <ApiDangerZone api={{ id: api.id, name: api.name }} canDelete={api.role === 'owner'} deleteApi={deleteApi} /> : null}
    </div>
  );
}
