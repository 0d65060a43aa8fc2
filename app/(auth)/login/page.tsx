import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ContinueAsForm } from '@/components/auth/continue-as-form';
import { RequestExpired } from '@/components/auth/request-expired';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import { sameOriginPath } from '@/lib/auth/relative-url';
import { changePasswordPath, getSignedInUser, getUserWhoMustChangePassword } from '@/lib/auth/session';
import { getRuntime } from '@/lib/server/runtime';
import { getBranding } from '@/lib/settings/branding';
import { getSignUpPolicy } from '@/lib/settings/sign-up-policy';
import { BrandHeader } from '@/components/branding/brand-header';
import { continueAsSignedInUser } from './actions';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Where "Create an account" leads without an authorization request: the developer sign-up for
 * someone on their way to the portal or a team invitation, the end user's otherwise.
 */
function signUpPath(continueTo: string): string {
  const developer = continueTo.startsWith('/developers') || continueTo.startsWith('/invitations/');
  const page = developer ? '/signup' : '/create-account';
  return continueTo === '/' ? page : `${page}?callbackUrl=${encodeURIComponent(continueTo)}`;
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await getSignedInUser();
  const query = await searchParams;
  const interactionId = first(query.interaction);

  const view = interactionId ? await (await getRuntime()).provider.interactions.describe(interactionId, user?.id ?? null) : null;
  if (interactionId && !view) return <RequestExpired />;

  // Without an authorization request, a same-origin callbackUrl (e.g. a portal page that asked
  // for sign-in) says where to go; anything else falls back to the home page.
  const continueTo = view ? sameOriginPath(view.resumeUrl) : (sameOriginPath(first(query.callbackUrl)) ?? '/');
  if (!continueTo) throw new Error('The interaction resume URL is not a same-origin path.');
  // Signed in with a generated password: replacing it comes before anything else, then on to
  // where they were going (the authorization request resumes from there).
  if (!user && (await getUserWhoMustChangePassword())) redirect(changePasswordPath(continueTo));

  const selectAccount = Boolean(view && user && (first(query.select_account) === '1' || view.prompts.includes('select_account')));
  const reauthenticate = Boolean(view && user && !selectAccount && view.prompts.includes('login'));
  // acr_values asked for a second factor this session lacks (lib/oidc/acr.ts).
  const secondFactor = Boolean(view && first(query.second_factor) === '1');
  // "Not you?" on the consent screen: a login_hint may name the very account the user just left.
  const switchingAccount = Boolean(view && first(query.switch_account) === '1');
  const email = switchingAccount ? undefined : (view?.loginHint ?? first(query.login_hint));
  const { db } = await getRuntime();
  const [branding, signUpPolicy] = await Promise.all([getBranding(db), getSignUpPolicy(db)]);

  return (
    <Card className="space-y-6">
      <header className="space-y-1">
        <BrandHeader branding={branding} />
        <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
        {view ? (
          <p className="text-sm wrap-anywhere text-zinc-700">
            to continue to <strong className="font-semibold text-zinc-900">{view.client.name}</strong>
          </p>
        ) : null}
      </header>

      {selectAccount && view && user ? (
        <section className="space-y-4" aria-label="Choose an account">
          <ContinueAsForm action={continueAsSignedInUser} interactionId={view.id} email={user.email} />
          <p className="flex items-center gap-3 text-xs text-zinc-600 before:h-px before:flex-1 before:bg-zinc-200 after:h-px after:flex-1 after:bg-zinc-200">
            or sign in with another account
          </p>
        </section>
      ) : null}

      {secondFactor && view ? (
        <Alert>
          {view.client.name} asks you to sign in with two-step verification: your password, then a code from your authenticator app. If you have not set
          it up yet, turn it on under Security in your account first.
        </Alert>
      ) : null}

      {reauthenticate && view && !secondFactor ? (
        <Alert>{view.client.name} asks you to sign in again.</Alert>
      ) : null}

      {switchingAccount && view && !user ? (
        <Alert>You are signed out. Sign in with the account you want to use with {view.client.name}.</Alert>
      ) : null}

      {first(query.reset) === '1' ? <Alert tone="success">Your password has been changed. Sign in with your new password.</Alert> : null}

      {!view && user ? (
        <Alert>
          You are signed in as <strong>{user.email}</strong>. Signing in again replaces that session.
        </Alert>
      ) : null}

      <SignInForm continueTo={continueTo} defaultEmail={selectAccount ? undefined : email} />

      <p className="text-sm text-zinc-700">
        <TextLink href="/forgot-password">Forgot password?</TextLink>
      </p>

      {user || signUpPolicy === 'closed' ? null : view ? (
        <p className="text-sm text-zinc-700">
          No account yet? <TextLink href={`/create-account?interaction=${encodeURIComponent(view.id)}`}>Create an account</TextLink>, then carry on to
          the app straight away.
        </p>
      ) : (
        <p className="text-sm text-zinc-700">
          New to {branding.productName}? <TextLink href={signUpPath(continueTo)}>Create an account</TextLink>
        </p>
      )}
    </Card>
  );
}
