import type { Metadata } from 'next';
import { AdminTable, cellClass, type Column } from '@/components/admin/admin-table';
import { KeyRotationPanel } from '@/components/admin/key-rotation-panel';
import { formatDateTime } from '@/components/portal/format';
import { PageHeader } from '@/components/portal/page-header';
import { Badge } from '@/components/ui/badge';
import { listSigningKeys, MAX_SCHEDULE_DAYS, type SigningKeyState } from '@/lib/admin';
import { operatorPage } from '../_lib/operator';
import { rotateKeysAction } from './actions';

export const metadata: Metadata = { title: 'Signing keys' };

const STATE: Record<SigningKeyState, { label: string; tone: 'green' | 'blue' | 'amber' | 'neutral' }> = {
  active: { label: 'Signing', tone: 'green' },
  pending: { label: 'Published, signs later', tone: 'blue' },
  retiring: { label: 'Signing until replaced', tone: 'amber' },
  retired: { label: 'Published only', tone: 'neutral' },
};
const COLUMNS: Column[] = [{ label: 'Key' }, { label: 'State', className: 'w-36 sm:w-52' }, { label: 'Signs from', from: 'md', className: 'w-52' }, { label: 'Until', from: 'lg', className: 'w-52' }];

export default async function KeysPage() {
  const { db, actor, runtime } = await operatorPage('/admin/keys');
  const keys = await listSigningKeys(db, actor);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Signing keys"
        description="The keys that sign ID tokens and JWT access tokens, one per algorithm. New keys are published in the JWKS at once and sign only once every server lists them; the keys they replace stay published until every token they signed has expired."
      />
      <KeyRotationPanel action={rotateKeysAction} activationDelaySeconds={runtime.provider.keys.activationDelaySeconds} maxDays={MAX_SCHEDULE_DAYS} />
      <AdminTable label="Signing keys" columns={COLUMNS} count={keys.length} empty="No signing keys yet: they are made when the server first starts.">
        {keys.map((key) => (
          <tr key={key.kid} data-testid="key-row">
            <td className={cellClass()}>
              <span className="font-medium text-zinc-900">{key.alg}</span>
              <code className="block truncate font-mono text-[13px] text-zinc-600" title={key.kid}>
                {key.kid}
              </code>
              <p className="text-zinc-600 md:hidden">Signs from {formatDateTime(key.activatesAt)}</p>
            </td>
            <td className={cellClass(COLUMNS[1])}>
              <Badge tone={STATE[key.state].tone}>{STATE[key.state].label}</Badge>
            </td>
            <td className={cellClass(COLUMNS[2])}>{formatDateTime(key.activatesAt)}</td>
            <td className={cellClass(COLUMNS[3])}>
              {key.retiresAt ? `Signs until ${formatDateTime(key.retiresAt)}` : '—'}
              {key.publishedUntil ? <span className="block text-zinc-600">Published until {formatDateTime(key.publishedUntil)}</span> : null}
            </td>
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}
