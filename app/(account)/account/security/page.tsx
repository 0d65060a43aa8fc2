import type { Metadata } from 'next';
import { ChangeEmailSection } from '@/components/account/change-email-section';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { TwoFactorSection } from '@/components/account/two-factor-section';
import { requireAccountUser } from '../../_lib/require-user';
import { changePasswordAction } from './actions';

export const metadata: Metadata = { title: 'Security' };

export default async function SecurityPage() {
  const user = await requireAccountUser('/account/security');
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Security</h1>
        <p className="text-sm text-zinc-700">Your password, two-step verification and the email address you sign in with.</p>
      </header>
      <TwoFactorSection userId={user.id} />
      <section aria-labelledby="change-password" className="max-w-md space-y-4 rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">
        <h2 id="change-password" className="text-lg font-semibold">
          Change password
        </h2>
        <p className="text-sm text-zinc-700">
          Changing your password signs you out on every other device and browser; this one stays signed in. Your personal access tokens keep working:
          revoke any you no longer trust under API tokens in the developer portal, or use Sign out everywhere on the Sessions page, which revokes them all.
        </p>
        <ChangePasswordForm action={changePasswordAction} email={user.email} />
      </section>
      <ChangeEmailSection userId={user.id} email={user.email} />
    </div>
  );
}
