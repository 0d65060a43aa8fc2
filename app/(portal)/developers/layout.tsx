import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { PortalNav } from '@/components/portal/portal-nav';
import { PageShell } from '@/components/ui/page-shell';
import { getSignedInUser } from '@/lib/auth/session';

export const metadata: Metadata = {
  title: { default: 'Developers', template: '%s · Portico Developers' },
  robots: { index: false, follow: false },
};

/**
 * The developer portal's frame. Each page checks the session itself (it knows its own URL for
 * the sign-in round trip); signed out, this renders only what the page renders: its redirect.
 */
export default async function DevelopersLayout({ children }: { children: ReactNode }) {
  const user = await getSignedInUser();
  if (!user) return children;
  return (
    <PageShell nav={<PortalNav email={user.email} />} width="max-w-6xl">
      {children}
    </PageShell>
  );
}
