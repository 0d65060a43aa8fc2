import { ApiServersForm } from '@/components/portal/api-servers-form';
import { Section } from '@/components/portal/page-header';
import { listClients } from '@/lib/portal';
import { loadApi } from '../../../../_lib/load-api';
import { saveServers } from './actions';

export default async function ApiServersPage({ params }: { params: Promise<{ resourceId: string }> }) {
  const { api, db, actor } = await loadApi((await params).resourceId);
  const apps = await listClients(db, actor, { teamId: api.team.id });
  const candidates = apps.map((app) => ({ id: app.id, name: app.name, confidential: app.type === 'web' || app.type === 'service' }));
  return (
    <Section
      id="servers"
      title="Resource servers"
      description="The apps that run this API. They may call the introspection endpoint (RFC 7662) to check this API’s tokens; no other app learns anything about them."
    >
      <ApiServersForm resourceId={api.id} teamName={api.team.name} apps={candidates} selected={api.servers.map((s) => s.id)} canEdit={api.role !== 'viewer'} save={saveServers} />
    </Section>
  );
}
