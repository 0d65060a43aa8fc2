import type { Metadata } from 'next';
import { AdminTable, cellClass, type Column } from '@/components/admin/admin-table';
import { SearchBar } from '@/components/admin/search-bar';
import { PageHeader } from '@/components/portal/page-header';
import { Badge } from '@/components/ui/badge';
import { listApiResourcesAsOperator } from '@/lib/admin';
import { operatorPage } from '../_lib/operator';
import { firstParam, type SearchParams } from '../_lib/search-params';

export const metadata: Metadata = { title: 'APIs' };

const COLUMNS: Column[] = [{ label: 'API' }, { label: 'Owner', from: 'sm', className: 'w-40' }, { label: 'Scopes', from: 'md' }];

/** Every API of every team and the operator's own; operator APIs and the default are managed with the CLI. */
export default async function ApisPage({ searchParams }: { searchParams: SearchParams }) {
  const { db, actor } = await operatorPage('/admin/apis');
  const query = firstParam((await searchParams).q) ?? '';
  const apis = await listApiResourcesAsOperator(db, actor, { query });
  return (
    <div className="space-y-6">
      <PageHeader
        title="APIs"
        description={
          <>
            Every API protected by this Portico (RFC 8707 resources): teams manage their own in the developer portal; operator APIs and the default
            audience are set with <code className="font-mono text-[13px]">portico resources</code>.
          </>
        }
      />
      <SearchBar action="/admin/apis" label="Search APIs" placeholder="Name, identifier, owner or scope" query={query} />
      <AdminTable label="APIs" columns={COLUMNS} count={apis.length} empty={query ? `No API matches “${query}”.` : 'No APIs yet.'}>
        {apis.map((api) => (
          <tr key={api.id} data-testid="api-row">
            <td className={cellClass()}>
              <p className="flex flex-wrap items-center gap-2 font-medium text-zinc-900">
                <span className="wrap-break-word">{api.name}</span>
                {api.isDefault ? <Badge tone="blue">Default audience</Badge> : null}
                {api.openAccess ? <Badge tone="amber">Open to any app</Badge> : null}
              </p>
              <code className="block truncate font-mono text-[13px] text-zinc-600" title={api.identifier}>
                {api.identifier}
              </code>
              <p className="truncate text-zinc-600 sm:hidden">{api.ownerName ?? 'Operator'}</p>
            </td>
            <td className={cellClass(COLUMNS[1])}>
              <span className="block truncate">{api.ownerName ?? 'Operator'}</span>
            </td>
            <td className={cellClass(COLUMNS[2])}>
              <span className="block wrap-break-word text-zinc-700">{api.scopes.map((s) => s.name).join(' ') || '—'}</span>
            </td>
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}
