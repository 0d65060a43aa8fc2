import type { ReactNode } from 'react';

export type Column = { label: string; /** Hidden below this width (the row's first cell repeats what matters). */ from?: 'sm' | 'md' | 'lg'; className?: string };

const SHOWN_FROM = { sm: 'hidden sm:table-cell', md: 'hidden md:table-cell', lg: 'hidden lg:table-cell' } as const;

export const cellClass = (column?: Pick<Column, 'from' | 'className'>, padding = 'py-3') =>
  `px-4 ${padding} align-top sm:px-5 ${column?.from ? SHOWN_FROM[column.from] : ''} ${column?.className ?? ''}`;

/**
 * A console list as a real table: fixed layout at the container's width, so long names wrap or
 * truncate instead of pushing the page sideways; less important columns step aside on a phone.
 */
export function AdminTable({ label, columns, children, empty, count }: { label: string; columns: readonly Column[]; children: ReactNode; empty: ReactNode; count: number }) {
  return (
    <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm">
      {count === 0 ? (
        <p className="px-5 py-8 text-center text-sm text-zinc-700">{empty}</p>
      ) : (
        <table className="w-full table-fixed border-collapse text-left text-sm" aria-label={label}>
          <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-medium tracking-wide text-zinc-600 uppercase">
            <tr>
              {columns.map((column) => (
                <th key={column.label} scope="col" className={`${cellClass(column, 'py-2')} font-medium`}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200">{children}</tbody>
        </table>
      )}
    </div>
  );
}
