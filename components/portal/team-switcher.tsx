import Link from 'next/link';
import type { TeamSummary } from '@/lib/portal/types';

const pill =
  'inline-flex items-center rounded-full border px-3 py-1 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus';

/** Filters the dashboard by team: plain links, so the choice is in the URL and the back button works. */
export function TeamSwitcher({ teams, current }: { teams: readonly TeamSummary[]; current: string | null }) {
  const items = [{ id: null, label: 'All teams' }, ...teams.map((t) => ({ id: t.id, label: t.personal ? `${t.name} (personal)` : t.name }))];
  return (
    <nav aria-label="Teams">
      <ul className="flex flex-wrap gap-2">
        {items.map((item) => {
          const selected = item.id === current;
          return (
            <li key={item.id ?? 'all'}>
              <Link
                href={item.id ? `/developers?team=${encodeURIComponent(item.id)}` : '/developers'}
                aria-current={selected ? 'page' : undefined}
                className={`${pill} ${selected ? 'border-zinc-900 bg-zinc-900 text-white' : 'border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-100'}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
