import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ConfirmEmailForm } from '@/components/auth/confirm-email-form';
import { describeEmailChange } from '@/lib/account/change-email';
import { getRuntime } from '@/lib/server/runtime';
import { confirmEmailChangeAction } from './actions';

export const metadata: Metadata = { title: 'Confirm your new email' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The link mailed to the new address. Opening it only checks the link and asks; the button makes
 * the change. Mail scanners and link previewers fetch links, so a GET must change nothing.
 */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const change = await describeEmailChange((await getRuntime()).db, token);
  return <ConfirmEmailForm action={confirmEmailChangeAction} token={token} change={change} />;
}
