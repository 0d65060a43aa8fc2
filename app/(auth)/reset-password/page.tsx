import type { Metadata } from 'next';
import { connection } from 'next/server';
import { LinkProblemCard } from '@/components/auth/link-problem';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { Card } from '@/components/ui/card';
import { checkEmailToken, EmailLinkError } from '@/lib/account/email-tokens';
import { getRuntime } from '@/lib/server/runtime';
import { resetPasswordAction } from './actions';

export const metadata: Metadata = { title: 'Choose a new password' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  try {
    await checkEmailToken((await getRuntime()).db, token, 'reset_password', new Date());
  } catch (err) {
    if (!(err instanceof EmailLinkError)) throw err;
    return <LinkProblemCard problem={err.problem} message={err.message} retry={{ href: '/forgot-password', label: 'Send a new reset link' }} />;
  }
  return (
    <Card className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Choose a new password</h1>
        <p className="text-sm text-zinc-700">Saving it signs you out on every device; then sign in with the new password.</p>
      </header>
      <ResetPasswordForm action={resetPasswordAction} token={token} />
    </Card>
  );
}
