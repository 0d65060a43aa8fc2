import type { Metadata } from 'next';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { requireAccountUser } from '../../_lib/require-user';
import { deleteAccount } from './actions';

export const metadata: Metadata = { title: 'Delete account' };

export default async function DeleteAccountPage() {
  const user = await requireAccountUser('/account/delete');
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Delete your account</h1>
        <p className="text-sm text-zinc-700">
          Signed in as <span className="font-medium text-zinc-900">{user.email}</span>.
        </p>
      </header>
      <section className="space-y-4 rounded-xl border border-red-200 bg-white p-5 shadow-sm sm:p-6">
        <ul className="list-disc space-y-1.5 pl-5 text-sm text-zinc-700">
          <li>Every app you signed in to loses access at once, and is told to sign you out.</li>
          <li>Apps in your personal team are deleted, and every token they issued stops working.</li>
          <li>Your consents, access tokens and security activity are deleted. Teams you share keep their apps.</li>
        </ul>
        <DeleteAccountForm action={deleteAccount} />
      </section>
    </div>
  );
}
