import type { ReactNode } from 'react';
import { CopyButton } from '@/components/ui/copy-button';

export type ValueRow = { label: string; value: string | null; note?: ReactNode; copy?: boolean };

/** Label / value rows (issuer, client id, endpoint URLs), each value copyable. */
export function ValueList({ rows }: { rows: readonly ValueRow[] }) {
  return (
    <dl className="divide-y divide-zinc-200">
      {rows.map((row) => (
        <div key={row.label} className="grid gap-1 py-3 first:pt-0 last:pb-0 sm:grid-cols-[11rem_minmax(0,1fr)] sm:gap-4">
          <dt className="text-sm font-medium text-zinc-700 sm:pt-1.5">{row.label}</dt>
          <dd className="flex min-w-0 items-start gap-2">
            {row.value ? (
              <>
                <code className="min-w-0 flex-1 rounded bg-zinc-50 px-2 py-1.5 font-mono text-[13px] break-all text-zinc-900">{row.value}</code>
                {row.copy === false ? null : <CopyButton value={row.value} label={`Copy ${row.label.toLowerCase()}`} className="shrink-0" />}
              </>
            ) : (
              <span className="py-1.5 text-sm text-zinc-700">{row.note}</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
