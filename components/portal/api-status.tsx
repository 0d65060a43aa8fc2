import { Badge } from '@/components/ui/badge';
import type { ApiAccessStatus } from '@/lib/portal/api-resource-types';

const STATUS: Record<ApiAccessStatus, { label: string; tone: 'amber' | 'green' | 'red' }> = {
  pending: { label: 'Pending', tone: 'amber' },
  approved: { label: 'Approved', tone: 'green' },
  rejected: { label: 'Rejected', tone: 'red' },
};

/** Where an app's request for an API stands. Text carries the meaning, colour only helps. */
export function ApiAccessBadge({ status }: { status: ApiAccessStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}

/** Scope names as small code chips that wrap (names can be long, e.g. a URL-like scope). */
export function ScopeChips({ scopes, label, empty = 'None' }: { scopes: readonly string[]; label: string; empty?: string }) {
  if (scopes.length === 0) return <p className="text-sm text-zinc-600">{empty}</p>;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {scopes.map((scope) => (
        <li key={scope}>
          <code className="inline-block rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs break-all text-zinc-900">{scope}</code>
        </li>
      ))}
    </ul>
  );
}
