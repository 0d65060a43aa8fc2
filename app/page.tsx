import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PorticoMark } from '@/components/auth/portico-mark';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { AccountMenu } from '@/components/layout/account-menu';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { textLinkClass } from '@/components/ui/text-link';
import { findAccountSummary } from '@/lib/account/find-account-summary';
import { getSignedInUser, getUserWhoMustChangePassword } from '@/lib/auth/session';
import { getRuntime } from '@/lib/server/runtime';
import { getSignUpPolicy } from '@/lib/settings/sign-up-policy';

const tile =
  'block rounded-lg border border-zinc-200 px-4 py-3 hover:border-zinc-300 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus';

/** Where a signed-in person can go from here: the same places as the account menu. */
function Destination({ href, title, text }: { href: string; title: string; text: string }) {
  return (
    <li>
      <Link href={href} className={tile}>
        <span className="block text-sm font-semibold text-zinc-900">{title}</span>
        <span className="block text-sm text-zinc-600">{text}</span>
      </Link>
    </li>
  );
}

export default async function HomePage() {
  const user = await getSignedInUser();
  // Signed in with a generated password (the first administrator): replacing it comes first.
  if (!user && (await getUserWhoMustChangePassword())) redirect('/change-password');
  const { db } = await getRuntime();
  const [summary, signUpPolicy] = await Promise.all([user ? findAccountSummary(db, { userId: user.id }) : null, getSignUpPolicy(db)]);

  return (
    <main className="mx-auto flex min-h-screen w-full max-w-xl flex-col justify-center gap-8 px-4 py-10">
      <header className="space-y-3">
        <div className="flex items-center justify-between gap-3">
          <PorticoMark />
          <AccountMenu />
        </div>
        <h1 className="text-3xl font-semibold tracking-tight">Sign in with Portico</h1>
        <p className="text-zinc-700">
          Portico is an OAuth 2.0 and OpenID Connect provider: one account to sign in to the applications that trust it.
        </p>
      </header>

      <Card className="space-y-4">
        {user && summary ? (
          <>
            <p className="text-sm wrap-anywhere text-zinc-800">
              Signed in as <strong className="font-semibold text-zinc-900">{summary.email}</strong>
            </p>
            <ul className="space-y-2" aria-label="Go to">
              <Destination href="/account" title="Your account" text="Your profile, password, two-step verification and the apps you allowed." />
              <Destination href="/developers" title="Developer portal" text="Register apps and APIs that use Portico, and manage your teams." />
              {summary.isOperator ? <Destination href="/admin" title="Admin" text="Users, apps, groups and settings of this Portico." /> : null}
            </ul>
            <div className="sm:w-40">
              <SignOutButton />
            </div>
          </>
        ) : (
          <>
            <p className="text-sm text-zinc-800">You are not signed in.</p>
            <div className="flex flex-col gap-3 sm:flex-row">
              <Link href="/login" className={buttonClass({ fullWidth: false })}>
                Sign in
              </Link>
              {signUpPolicy === 'closed' ? null : (
                <Link href="/create-account" className={buttonClass({ variant: 'secondary', fullWidth: false })}>
                  Create an account
                </Link>
              )}
            </div>
          </>
        )}
      </Card>

      <section className="space-y-2 text-sm text-zinc-700">
        <h2 className="font-semibold text-zinc-900">For developers</h2>
        <p>
          Register the apps that sign people in with Portico in the{' '}
          <Link className={textLinkClass} href={user ? '/developers' : '/signup'}>
            developer portal
          </Link>
          . Portico publishes its endpoints and keys in its{' '}
          {/* A plain link: this is a JSON document, not a page of the app. */}
          <a className={textLinkClass} href="/.well-known/openid-configuration">
            OpenID Connect discovery document
          </a>
          .
        </p>
      </section>
    </main>
  );
}
