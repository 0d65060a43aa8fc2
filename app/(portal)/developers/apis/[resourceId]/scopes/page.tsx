import { ApiScopesPanel } from '@/components/portal/api-scopes-panel';
import { loadApi } from '../../../../_lib/load-api';
import { addScope, editScope, removeScope } from './actions';

export default async function ApiScopesPage({ params }: { params: Promise<{ resourceId: string }> }) {
  const { api } = await loadApi((await params).resourceId);
  return <ApiScopesPanel resourceId={api.id} scopes={api.scopes} canEdit={api.role !== 'viewer'} add={addScope} update={editScope} remove={removeScope} />;
}
