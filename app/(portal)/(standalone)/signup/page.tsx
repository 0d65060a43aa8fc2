import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/portal/sign-up-form';
import { Card } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import { sameOriginPath } from '@/lib/auth/relative-url';
import { getSignedInUser } from '@/lib/auth/session';
import { getRuntime } from '@/lib/server/runtime';
import { getSignUpPolicy, SIGN_UP_CLOSED_MESSAGE } from '@/lib/settings/sign-up-policy';
import { Alert } from '@/components/ui/alert';
import { signUp } from './actions';

export const metadata: Metadata = { title: 'Create your account' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).callbackUrl;
  const continueTo = sameOriginPath(Array.isArray(raw) ? raw[0] : raw) ?? '/developers';
  if (await getSignedInUser()) redirect(continueTo);
  const policy = await getSignUpPolicy((await getRuntime()).db);

  return (
    <Card className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Create your account</h1>
        <p className="text-sm text-zinc-700">Register apps that sign users in with Portico.</p>
      </header>
      {policy === 'closed' ? (
        <Alert tone="info" title="Sign-up is closed">
          {SIGN_UP_CLOSED_MESSAGE}
        </Alert>
      ) : (
        <>
          {policy === 'invite_only' ? <Alert>Accounts are by invitation: use the email address your team invitation was sent to.</Alert> : null}
          <SignUpForm action={signUp} continueTo={continueTo} />
        </>
      )}
      <p className="text-sm text-zinc-700">
        Already have an account?{' '}
        <TextLink href={`/login?callbackUrl=${encodeURIComponent(continueTo)}`}>Sign in</TextLink>
      </p>
      <p className="text-sm text-zinc-700">
        Here to use apps rather than build them? <TextLink href="/create-account">Create a personal account</TextLink> instead.
      </p>
    </Card>
  );
}
