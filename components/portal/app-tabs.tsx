'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

export type AppTab = { segment: string; label: string };

/**
 * The app page's sections. Each is its own URL (linkable, works without JavaScript), so this is
 * navigation — links with aria-current — rather than an ARIA tablist.
 */
export function AppTabs({ base, tabs, label = 'App sections' }: { base: string; tabs: readonly AppTab[]; /** Names the navigation (an API's page uses it too). */ label?: string }) {
  const pathname = usePathname() ?? '';
  const nav = useRef<HTMLElement>(null);

  // On a narrow screen the bar scrolls sideways: bring the current section into view.
  useEffect(() => {
    const bar = nav.current;
    const current = bar?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!bar || !current) return;
    const overflow = current.offsetLeft + current.offsetWidth - (bar.scrollLeft + bar.clientWidth);
    if (overflow > 0) bar.scrollLeft += overflow + 16;
    else if (current.offsetLeft < bar.scrollLeft) bar.scrollLeft = current.offsetLeft - 16;
  }, [pathname]);

  return (
    <nav ref={nav} aria-label={label} className="relative -mx-4 overflow-x-auto border-b border-zinc-200 px-4 sm:mx-0 sm:px-0">
      <ul className="flex gap-1">
        {tabs.map((tab) => {
          const href = tab.segment ? `${base}/${tab.segment}` : base;
          const current = pathname === href;
          return (
            <li key={tab.segment || 'settings'}>
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={
                  '-mb-px block border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap focus-visible:rounded-t-md focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-focus ' +
                  (current ? 'border-zinc-900 text-zinc-900' : 'border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900')
                }
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
