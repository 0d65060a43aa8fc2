import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AccountNav } from '@/components/account/account-nav';
import { UnverifiedEmailNotice } from '@/components/account/unverified-email-notice';
import { PageShell } from '@/components/ui/page-shell';
import { findAccountSummary } from '@/lib/account/find-account-summary';
import { getSignedInUser } from '@/lib/auth/session';
import { getRuntime } from '@/lib/server/runtime';
import { resendVerificationAction } from './account/resend-verification-action';

export const metadata: Metadata = {
  title: { default: 'Your account', template: '%s · Portico' },
  robots: { index: false, follow: false },
};

/**
 * The end-user account area. Each page checks the session itself (it knows its own URL for the
 * sign-in round trip); signed out, this renders only what the page renders: its redirect.
 * Until the email address is confirmed, every page says so and offers to send the link again.
 */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await getSignedInUser();
  if (!user) return children;
  const summary = await findAccountSummary((await getRuntime()).db, { userId: user.id });
  return (
    <PageShell nav={<AccountNav email={user.email} />} width="max-w-4xl">
      {summary && !summary.emailVerified ? (
        <div className="mb-6">
          <UnverifiedEmailNotice email={summary.email} action={resendVerificationAction} />
        </div>
      ) : null}
      {children}
    </PageShell>
  );
}
