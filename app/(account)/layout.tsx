import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AccountNav } from '@/components/account/account-nav';
import { getSignedInUser } from '@/lib/auth/session';

export const metadata: Metadata = {
  title: { default: 'Your account', template: '%s · Portico' },
  robots: { index: false, follow: false },
};

/**
 * The end-user account area. Each page checks the session itself (it knows its own URL for the
 * sign-in round trip); signed out, this renders only what the page renders: its redirect.
 */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await getSignedInUser();
  if (!user) return children;
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:outline-2 focus:outline-focus"
      >
        Skip to content
      </a>
      <AccountNav email={user.email} />
      <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-8 sm:px-6 sm:py-10">
        {children}
      </main>
    </div>
  );
}
