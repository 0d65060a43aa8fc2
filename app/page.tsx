import { PorticoMark } from '@/components/auth/portico-mark';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { Card } from '@/components/ui/card';
import { TextLink, textLinkClass } from '@/components/ui/text-link';
import { redirect } from 'next/navigation';
import { getSignedInUser, getUserWhoMustChangePassword } from '@/lib/auth/session';

export default async function HomePage() {
  const user = await getSignedInUser();
  // Signed in with a generated password (the first administrator): replacing it comes first.
  if (!user && (await getUserWhoMustChangePassword())) redirect('/change-password');
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-xl flex-col justify-center gap-8 px-4 py-10">
      <header className="space-y-3">
        <PorticoMark />
        <h1 className="text-3xl font-semibold tracking-tight">Sign in with Portico</h1>
        <p className="text-zinc-700">
          Portico is an OAuth 2.0 and OpenID Connect provider: one account to sign in to the applications that trust it.
        </p>
      </header>

      <Card className="space-y-4">
        {user ? (
          <>
            <p className="text-sm text-zinc-800">
              Signed in as <strong className="font-semibold text-zinc-900">{user.email}</strong>
            </p>
            <div className="sm:w-40">
              <SignOutButton />
            </div>
          </>
        ) : (
          <p className="text-sm text-zinc-800">
            You are not signed in. <TextLink href="/login">Sign in</TextLink>
          </p>
        )}
      </Card>

      <section className="space-y-2 text-sm text-zinc-700">
        <h2 className="font-semibold text-zinc-900">For developers</h2>
        <p>
          Portico publishes its endpoints and keys in its{' '}
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
