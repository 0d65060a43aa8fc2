import type { Metadata } from 'next';
import { connection } from 'next/server';
import { LinkProblemCard } from '@/components/auth/link-problem';
import { Card } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import { EmailLinkError } from '@/lib/account/email-tokens';
import { verifyEmail } from '@/lib/account/verify-email';
import { getRuntime } from '@/lib/server/runtime';

export const metadata: Metadata = { title: 'Confirm your email' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function VerifyEmailPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const raw = (await searchParams).token;
  const token = Array.isArray(raw) ? raw[0] : raw;
  try {
    const { email } = await verifyEmail((await getRuntime()).db, token ?? '');
    return (
      <Card className="space-y-3">
        <h1 className="text-xl font-semibold">Email address confirmed</h1>
        <p className="text-sm text-zinc-700">
          Thank you: <strong>{email}</strong> is confirmed. Apps you sign in to with Portico now see it as verified.
        </p>
        <p className="text-sm">
          <TextLink href="/account/apps">Go to your account</TextLink>
        </p>
      </Card>
    );
  } catch (err) {
    if (!(err instanceof EmailLinkError)) throw err;
    return <LinkProblemCard problem={err.problem} message={err.message} retry={{ href: '/login', label: 'Sign in' }} />;
  }
}
