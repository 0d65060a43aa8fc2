import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

/** "Showing 51–100 of 240" with Previous / Next links that keep the rest of the query. */
export function Pager({ path, params, skip, take, total }: { path: string; params: Record<string, string | undefined>; skip: number; take: number; total: number }) {
  if (total <= take && skip === 0) return total ? <p className="text-sm text-zinc-600">{total === 1 ? '1 result' : `${total} results`}</p> : null;
  const href = (to: number) => {
    const query = new URLSearchParams(Object.entries({ ...params, skip: to ? String(to) : undefined }).filter((e): e is [string, string] => Boolean(e[1])));
    return `${path}${query.size ? `?${query}` : ''}`;
  };
  const link = buttonClass({ variant: 'secondary', size: 'sm', fullWidth: false });
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm text-zinc-600">
      <p>
        Showing {Math.min(skip + 1, total)}–{Math.min(skip + take, total)} of {total}
      </p>
      <div className="flex gap-2">
        {skip > 0 ? (
          <Link className={link} href={href(Math.max(0, skip - take))}>
            Previous
          </Link>
        ) : null}
        {skip + take < total ? (
          <Link className={link} href={href(skip + take)}>
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
