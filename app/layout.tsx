import type { Metadata } from 'next';
import { unstable_rethrow } from 'next/navigation';
import type { ReactNode } from 'react';
import { SignedInAccountProvider, type MenuAccount } from '@/components/layout/signed-in-account';
import { findAccountSummary } from '@/lib/account/find-account-summary';
import { getSignedInUser } from '@/lib/auth/session';
import { getRuntime } from '@/lib/server/runtime';
import { DEFAULT_BRANDING, getBranding } from '@/lib/settings/branding';
import './globals.css';

// Every page is rendered per request: each carries its own CSP nonce (lib/server/security-headers.ts).
export const dynamic = 'force-dynamic';

/** Page titles carry the operator's product name (/admin/settings); Portico's if it cannot be read. */
export async function generateMetadata(): Promise<Metadata> {
  const { productName } = await getRuntime()
    .then(({ db }) => getBranding(db))
    .catch(() => DEFAULT_BRANDING);
  return {
    title: { default: productName, template: `%s · ${productName}` },
    description: `Sign in with ${productName}: an OAuth 2.0 and OpenID Connect provider.`,
  };
}

/**
 * Who is signed in, for the account menu every page shows (components/layout/account-menu.tsx).
 * A page must still render when this cannot be read (the page itself decides about access).
 */
async function menuAccount(): Promise<MenuAccount | null> {
  try {
    const user = await getSignedInUser();
    if (!user) return null;
    const summary = await findAccountSummary((await getRuntime()).db, { userId: user.id });
    return summary ? { email: summary.email, name: summary.name, isOperator: summary.isOperator } : null;
  } catch (err) {
    unstable_rethrow(err); // Next's own signals (e.g. a request that must not be prerendered) pass through
    console.error('could not read the signed-in account for the account menu', err);
    return null;
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const account = await menuAccount();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <SignedInAccountProvider account={account}>{children}</SignedInAccountProvider>
      </body>
    </html>
  );
}
