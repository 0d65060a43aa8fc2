import type { Metadata } from 'next';
import { connection } from 'next/server';
import { LinkProblemCard } from '@/components/auth/link-problem';
import { Card } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import { confirmEmailChange } from '@/lib/account/change-email';
import { getRuntime } from '@/lib/server/runtime';

export const metadata: Metadata = { title: 'Confirm your new email' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The link mailed to the new address; opening it makes the change (like /verify-email). */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const raw = (await searchParams).token;
  const token = Array.isArray(raw) ? raw[0] : raw;
  const result = await confirmEmailChange((await getRuntime()).db, token ?? '');
  const retry = { href: '/account/security', label: 'Change your email address again' };
  if (result.ok) {
    return (
      <Card className="space-y-3">
        <h1 className="text-xl font-semibold">Email address changed</h1>
        <p className="text-sm text-zinc-700">
          <strong>{result.newEmail}</strong> is now the address you sign in with, instead of {result.oldEmail}. Apps you sign in to with Portico get the
          new address the next time they ask for it.
        </p>
        <p className="text-sm">
          <TextLink href="/account/security">Go to your account</TextLink>
        </p>
      </Card>
    );
  }
  if (result.problem === 'taken') {
    return (
      <Card className="space-y-3">
        <h1 className="text-xl font-semibold">This address is already in use</h1>
        <p className="text-sm text-zinc-700">{result.message}</p>
        <p className="text-sm">
          <TextLink href={retry.href}>{retry.label}</TextLink>
        </p>
      </Card>
    );
  }
  return <LinkProblemCard problem={result.problem} message={result.message} retry={retry} />;
}
