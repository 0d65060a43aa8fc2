import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { BrandHeader } from '@/components/branding/brand-header';
import { RequestExpired } from '@/components/auth/request-expired';
import { SignUpForm } from '@/components/portal/sign-up-form';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import { sameOriginPath } from '@/lib/auth/relative-url';
import { getSignedInUser } from '@/lib/auth/session';
import { getRuntime } from '@/lib/server/runtime';
import { getBranding } from '@/lib/settings/branding';
import { getSignUpPolicy, SIGN_UP_CLOSED_MESSAGE } from '@/lib/settings/sign-up-policy';
import { createEndUserAccount } from './actions';

export const metadata: Metadata = { title: 'Create your account' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The end user's sign-up. Reached from the sign-in page of an authorization request
 * (?interaction=, "Create an account … to continue to <App>"): the new account signs in and the
 * same request resumes, so consent for that app comes next. Without one (the home page), it ends
 * on the account area, or on a same-origin callbackUrl. Developers sign up at /signup.
 */
export default async function CreateAccountPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const interactionId = first(query.interaction);
  const user = await getSignedInUser();
  const { db, provider } = await getRuntime();
  const view = interactionId ? await provider.interactions.describe(interactionId, user?.id ?? null) : null;
  if (interactionId && !view) return <RequestExpired />;

  const continueTo = (view ? sameOriginPath(view.resumeUrl) : sameOriginPath(first(query.callbackUrl))) ?? '/account';
  // Already signed in (e.g. in another tab): nothing to create, carry on where this was going.
  if (user) redirect(continueTo);
  const signInHref = view ? `/login?interaction=${encodeURIComponent(view.id)}` : `/login?callbackUrl=${encodeURIComponent(continueTo)}`;
  const [policy, branding] = await Promise.all([getSignUpPolicy(db), getBranding(db)]);
  const app = view?.client.name;

  return (
    <Card className="space-y-6">
      <header className="space-y-1">
        <BrandHeader branding={branding} />
        <h1 className="text-2xl font-semibold tracking-tight">Create your account</h1>
        {app ? (
          <p className="text-sm wrap-anywhere text-zinc-700">
            to continue to <strong className="font-semibold text-zinc-900">{app}</strong>
          </p>
        ) : (
          <p className="text-sm text-zinc-700">One {branding.productName} account signs you in to every app that uses it.</p>
        )}
      </header>

      {policy === 'closed' ? (
        <Alert tone="info" title="Sign-up is closed">
          {SIGN_UP_CLOSED_MESSAGE}
        </Alert>
      ) : (
        <>
          {policy === 'invite_only' ? <Alert>Accounts are by invitation: use the email address your invitation was sent to.</Alert> : null}
          <SignUpForm
            action={createEndUserAccount}
            continueTo={continueTo}
            nameHint="Optional. An app sees it only if you allow it to see your profile."
          />
          <p className="text-xs text-zinc-600">
            We will email you a link to confirm your address.{' '}
            {app ? <span className="wrap-anywhere">Next, {app} asks what it may see of your account.</span> : null}
          </p>
        </>
      )}

      <p className="text-sm text-zinc-700">
        Already have an account? <TextLink href={signInHref}>Sign in</TextLink>
      </p>
    </Card>
  );
}
