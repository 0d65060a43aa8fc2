import Link from 'next/link';

/** "Parent / Current page" above a detail page's title. */
export function Breadcrumb({ parent, current }: { parent: { href: string; label: string }; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-zinc-600">
      <ol className="flex flex-wrap items-center gap-1.5">
        <li>
          <Link
            href={parent.href}
            className="hover:text-zinc-900 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
          >
            {parent.label}
          </Link>
        </li>
        <li aria-hidden="true">/</li>
        <li className="min-w-0 truncate text-zinc-800" aria-current="page" title={current}>
          {current}
        </li>
      </ol>
    </nav>
  );
}
