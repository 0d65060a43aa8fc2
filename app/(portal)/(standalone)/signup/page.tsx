import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/portal/sign-up-form';
import { Card } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import { sameOriginPath } from '@/lib/auth/relative-url';
import { getSignedInUser } from '@/lib/auth/session';
import { signUp } from './actions';

export const metadata: Metadata = { title: 'Create your account' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).callbackUrl;
  const continueTo = sameOriginPath(Array.isArray(raw) ? raw[0] : raw) ?? '/developers';
  if (await getSignedInUser()) redirect(continueTo);

  return (
    <Card className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Create your account</h1>
        <p className="text-sm text-zinc-700">Register apps that sign users in with Portico.</p>
      </header>
      <SignUpForm action={signUp} continueTo={continueTo} />
      <p className="text-sm text-zinc-700">
        Already have an account?{' '}
        <TextLink href={`/login?callbackUrl=${encodeURIComponent(continueTo)}`}>Sign in</TextLink>
      </p>
    </Card>
  );
}
