import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AccountNav } from '@/components/account/account-nav';
import { PageShell } from '@/components/ui/page-shell';
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
    <PageShell nav={<AccountNav email={user.email} />} width="max-w-4xl">
      {children}
    </PageShell>
  );
}
