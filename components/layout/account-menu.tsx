'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { SignOutForm } from '@/components/auth/sign-out-form';
import { useSignedInAccount } from './signed-in-account';

type Destination = { href: string; label: string; description: string; area: string };

const ACCOUNT: Destination = { href: '/account', label: 'Account', description: 'Profile, security, connected apps', area: '/account' };
const DEVELOPERS: Destination = { href: '/developers', label: 'Developers', description: 'Your apps, APIs and teams', area: '/developers' };
const ADMIN: Destination = { href: '/admin', label: 'Admin', description: 'Operate this Portico', area: '/admin' };

const itemClass =
  'block rounded-md px-3 py-2 text-sm text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-focus';

/**
 * The one account menu, on every page while signed in (the same on the home page, the account
 * area, the developer portal, the operator console and the sign-in and consent screens): who is
 * signed in, then Account, Developers, Admin (operators only) and Sign out. A disclosure button,
 * not an ARIA menu: its items are ordinary links, reached with Tab; Escape or a click elsewhere
 * closes it. Renders nothing when nobody is signed in. `email` stands in when the root layout
 * could not read the account.
 */
export function AccountMenu({ email }: { email?: string }) {
  const account = useSignedInAccount() ?? (email ? { email, name: null, isOperator: false } : null);
  const pathname = usePathname() ?? '';
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!account) return null;
  const destinations = account.isOperator ? [ACCOUNT, DEVELOPERS, ADMIN] : [ACCOUNT, DEVELOPERS];
  const initial = ((account.name ?? account.email).trim()[0] ?? '?').toUpperCase();

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Account menu, ${account.email}`}
        onClick={() => setOpen((was) => !was)}
        className="flex max-w-56 items-center gap-2 rounded-full border border-zinc-200 bg-white py-1 pr-2 pl-1 text-sm text-zinc-800 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
      >
        <span aria-hidden="true" className="inline-flex size-7 shrink-0 items-center justify-center rounded-full bg-zinc-900 text-xs font-semibold text-white">
          {initial}
        </span>
        <span className="hidden min-w-0 truncate md:inline" title={account.email}>
          {account.email}
        </span>
        <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className={`size-4 shrink-0 text-zinc-500 transition-transform ${open ? 'rotate-180' : ''}`}>
          <path fillRule="evenodd" d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z" clipRule="evenodd" />
        </svg>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-40 mt-2 w-64 max-w-[calc(100vw-2rem)] rounded-xl border border-zinc-200 bg-white p-1.5 text-left shadow-lg"
      >
        <p className="border-b border-zinc-200 px-3 pt-1.5 pb-2.5 text-sm">
          {account.name ? <span className="block font-semibold wrap-anywhere text-zinc-900">{account.name}</span> : null}
          <span className="block wrap-anywhere text-zinc-600">{account.email}</span>
        </p>
        <nav aria-label="Account menu" className="py-1">
          <ul>
            {destinations.map((d) => {
              const current = pathname === d.area || pathname.startsWith(`${d.area}/`);
              return (
                <li key={d.href}>
                  <Link href={d.href} aria-current={current ? 'true' : undefined} className={`${itemClass} ${current ? 'bg-zinc-100' : ''}`}>
                    <span className="block font-medium text-zinc-900">{d.label}</span>
                    <span className="block text-xs text-zinc-600">{d.description}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <SignOutForm className="border-t border-zinc-200 pt-1">
          <button type="submit" className={`${itemClass} w-full text-left font-medium`}>
            Sign out
          </button>
        </SignOutForm>
      </div>
    </div>
  );
}
