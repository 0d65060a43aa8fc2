import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { Card } from '@/components/ui/card';
import { sameOriginPath } from '@/lib/auth/relative-url';
import { changePasswordPath, getSignedInUser, getUserWhoMustChangePassword } from '@/lib/auth/session';
import { getRuntime } from '@/lib/server/runtime';
import { replaceGeneratedPassword } from './actions';

export const metadata: Metadata = { title: 'Choose your password' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Where a user signed in with a generated password must go first (lib/auth/session.ts): the
 * account area, the portal and every app's sign-in wait until they have chosen their own.
 * Anyone else is sent on to `callbackUrl` (a same-origin path), or to sign in first.
 */
export default async function ChangeGeneratedPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const continueTo = sameOriginPath(first((await searchParams).callbackUrl)) ?? '/';
  const user = await getUserWhoMustChangePassword();
  if (!user) {
    if (await getSignedInUser()) redirect(continueTo);
    redirect(`/login?callbackUrl=${encodeURIComponent(changePasswordPath(continueTo))}`);
  }
  const { db } = await getRuntime();
  const account = await db.user.findUnique({ where: { id: user.id }, select: { passwordExpiresAt: true } });
  const expires = account?.passwordExpiresAt;

  return (
    <Card className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Choose your password</h1>
        <p className="text-sm text-zinc-700">
          You signed in as <strong className="font-semibold text-zinc-900">{user.email}</strong> with a password Portico generated. Choose your own
          to continue: until you do, you cannot use your account, the developer portal or sign in to apps.
          {expires ? (
            <>
              {' '}
              The generated password stops working at <time dateTime={expires.toISOString()}>{expires.toUTCString()}</time>.
            </>
          ) : null}
        </p>
      </header>
      <ChangePasswordForm action={replaceGeneratedPassword} email={user.email} then={continueTo} />
      <div className="border-t border-zinc-200 pt-4 text-sm text-zinc-700 space-y-3">
        <p>Not now? Sign out; the generated password works until it expires.</p>
        <div className="sm:w-40">
          <SignOutButton />
        </div>
      </div>
    </Card>
  );
}
