import type { Metadata } from 'next';
import { AdminTable, cellClass, type Column } from '@/components/admin/admin-table';
import { AuditFilters } from '@/components/admin/audit-filters';
import { Pager } from '@/components/admin/pager';
import { formatDateTime } from '@/components/portal/format';
import { PageHeader } from '@/components/portal/page-header';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { DEFAULT_PAGE_SIZE, queryAuditLog, type AuditRecord } from '@/lib/admin';
import { ValidationError } from '@/lib/portal/errors';
import type { AuditFilterInput } from '@/lib/validation/audit-filter';
import { operatorPage } from '../_lib/operator';
import { firstParam, pageStart, type SearchParams } from '../_lib/search-params';

export const metadata: Metadata = { title: 'Audit log' };

const FIELDS = ['actor', 'action', 'clientId', 'teamId', 'from', 'to'] as const;
const COLUMNS: Column[] = [{ label: 'When', className: 'w-28 sm:w-44' }, { label: 'What' }, { label: 'Who', from: 'md', className: 'w-56' }, { label: 'Details', from: 'lg' }];

const detailsText = (details: Record<string, unknown>) =>
  Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');

const who = (e: AuditRecord) => (e.actor ? (e.actor.email ?? `deleted user ${e.actor.id}`) : 'Operator (CLI) or system');

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const { db, actor } = await operatorPage('/admin/audit');
  const params = await searchParams;
  const filter: AuditFilterInput = Object.fromEntries(FIELDS.map((f) => [f, firstParam(params[f]) ?? ''])) as AuditFilterInput;
  const skip = pageStart(params);
  const result = await queryAuditLog(db, actor, filter, { skip, take: DEFAULT_PAGE_SIZE }).catch((err: unknown) => {
    if (err instanceof ValidationError) return err;
    throw err;
  });
  const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) as Record<string, string>;
  const exportHref = (format: 'csv' | 'json') => `/admin/audit/export?${new URLSearchParams({ ...query, format })}`;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Audit log"
        description="Who changed what: the console, the developer portal, the API, the CLI and sign-ins. Newest first."
        actions={
          <>
            <a href={exportHref('csv')} className={buttonClass({ variant: 'secondary', size: 'sm', fullWidth: false })} download>
              Export CSV
            </a>
            <a href={exportHref('json')} className={buttonClass({ variant: 'secondary', size: 'sm', fullWidth: false })} download>
              Export JSON
            </a>
          </>
        }
      />
      <AuditFilters values={Object.fromEntries(FIELDS.map((f) => [f, String(filter[f] ?? '')]))} />
      {result instanceof ValidationError ? (
        <Alert tone="error" title="Check the filters">
          {result.issues.map((i) => i.message).join(' ')}
        </Alert>
      ) : (
        <>
          <AdminTable label="Audit events" columns={COLUMNS} count={result.items.length} empty="No events match these filters.">
            {result.items.map((e) => (
              <tr key={e.id} data-testid="audit-row">
                <td className={`${cellClass(COLUMNS[0])} text-zinc-700`}>
                  <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
                </td>
                <td className={cellClass()}>
                  <code className="font-mono text-[13px] font-medium wrap-break-word text-zinc-900">{e.action}</code>
                  {e.client ? <p className="truncate text-zinc-600">App: {e.client.name ?? e.client.id}</p> : null}
                  {e.team ? <p className="truncate text-zinc-600">Team: {e.team.name ?? e.team.id}</p> : null}
                  <p className="truncate text-zinc-600 md:hidden">By {who(e)}</p>
                </td>
                <td className={cellClass(COLUMNS[2])}>
                  <span className="block truncate">{who(e)}</span>
                </td>
                <td className={cellClass(COLUMNS[3])}>
                  <span className="line-clamp-3 wrap-break-word text-zinc-600">{detailsText(e.details)}</span>
                </td>
              </tr>
            ))}
          </AdminTable>
          <Pager path="/admin/audit" params={query} skip={skip} take={DEFAULT_PAGE_SIZE} total={result.total} />
        </>
      )}
    </div>
  );
}
