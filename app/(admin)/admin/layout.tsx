import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { PageShell } from '@/components/ui/page-shell';
import { isOperator } from '@/lib/admin';
import { getSignedInUser } from '@/lib/auth/session';
import { getRuntime } from '@/lib/server/runtime';

export const metadata: Metadata = {
  title: { default: 'Operator console', template: '%s · Operator console' },
  robots: { index: false, follow: false },
};

/**
 * The operator console's frame, for operators only, checked here on the server (and again by each
 * page and every lib/admin use case): a signed-in user who is not an operator gets the not-found
 * page. Signed out, this renders only what the page renders: its redirect to sign in, which knows
 * the page's own URL for the way back.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getSignedInUser();
  if (!user) return children;
  if (!(await isOperator((await getRuntime()).db, { userId: user.id }))) notFound();
  return (
    <PageShell nav={<AdminNav email={user.email} />} width="max-w-6xl">
      {children}
    </PageShell>
  );
}
