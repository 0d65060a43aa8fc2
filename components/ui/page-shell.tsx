import type { ReactNode } from 'react';
import { PorticoMark } from '@/components/auth/portico-mark';
import { AccountMenu } from '@/components/layout/account-menu';

/** A signed-in area's frame: skip link, the area's top bar, and its main column. */
export function PageShell({ nav, width, children }: { nav: ReactNode; width: 'max-w-4xl' | 'max-w-6xl'; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:outline-2 focus:outline-focus"
      >
        Skip to content
      </a>
      {nav}
      <main id="main" className={`mx-auto w-full ${width} flex-1 px-4 py-8 sm:px-6 sm:py-10`}>
        {children}
      </main>
    </div>
  );
}

/**
 * Sign-in, consent, sign-up and invitation screens: one narrow column under the Portico mark,
 * with the account menu at the top right while signed in.
 */
export function NarrowColumn({ children }: { children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-md flex-col gap-6 px-4 py-10 sm:justify-center">
      <div className="relative flex min-h-9 items-center justify-center">
        <PorticoMark />
        <div className="absolute top-0 right-0">
          <AccountMenu />
        </div>
      </div>
      {children}
    </main>
  );
}
