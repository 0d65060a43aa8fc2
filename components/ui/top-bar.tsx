'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { PorticoMark } from '@/components/auth/portico-mark';
import { AccountMenu } from '@/components/layout/account-menu';

export type TopBarLink = { href: string; label: string; match: (pathname: string) => boolean };

const linkClass =
  'block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus';

/** A signed-in area's top bar: the Portico mark with the area's name, its sections, and the account menu. */
export function TopBar(props: {
  area: string;
  home: string;
  label: string;
  links: readonly TopBarLink[];
  email: string;
  width: 'max-w-4xl' | 'max-w-6xl';
  /** The sections on a row of their own at every width (for a narrow area with many sections). */
  stacked?: boolean;
}) {
  const pathname = usePathname() ?? '';
  const nav = useRef<HTMLElement>(null);
  // On a narrow screen the sections scroll sideways: keep the current one in view.
  useEffect(() => {
    const current = nav.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (current && nav.current) nav.current.scrollLeft = Math.max(0, current.offsetLeft - nav.current.offsetLeft - 12);
  }, [pathname]);
  const navPlacement = props.stacked ? 'order-last -mx-3 w-full' : 'order-last -mx-3 w-full sm:order-none sm:mx-0 sm:w-auto sm:flex-1';
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div className={`mx-auto flex ${props.width} flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6`}>
        <Link href={props.home} className="flex items-center gap-2 rounded-md focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-focus">
          <PorticoMark />
          <span className="rounded-md bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-700">{props.area}</span>
        </Link>
        <nav ref={nav} aria-label={props.label} className={`${navPlacement} overflow-x-auto`}>
          <ul className="flex gap-1">
            {props.links.map((link) => {
              const current = link.match(pathname);
              return (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    aria-current={current ? 'page' : undefined}
                    className={`${linkClass} ${current ? 'bg-zinc-100 text-zinc-900' : 'text-zinc-700 hover:bg-zinc-50 hover:text-zinc-900'}`}
                  >
                    {link.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className={`ml-auto flex min-w-0 items-center gap-3 ${props.stacked ? '' : 'sm:ml-0'}`}>
          <AccountMenu email={props.email} />
        </div>
      </div>
    </header>
  );
}
