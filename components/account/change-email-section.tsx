import 'server-only';
import { findPendingEmailChange } from '@/lib/account/change-email';
import { getRuntime } from '@/lib/server/runtime';
import { requestEmailChangeAction } from '@/app/(account)/account/security/change-email-actions';
import { Alert } from '@/components/ui/alert';
import { ChangeEmailForm } from './change-email-form';
import { absoluteDate } from './format-date';

/**
 * The email-change section of /account/security. The address is read from the database, not the
 * session: the session cookie keeps the address it was signed in with.
 */
export async function ChangeEmailSection({ userId, email: sessionEmail }: { userId: string; email: string }) {
  const { db } = await getRuntime();
  const [user, pending] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { email: true } }),
    findPendingEmailChange(db, userId),
  ]);
  const email = user?.email ?? sessionEmail;
  return (
    <section aria-labelledby="change-email" className="max-w-md space-y-4 rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">
      <h2 id="change-email" className="text-lg font-semibold">
        Change email address
      </h2>
      <p className="text-sm text-zinc-700">
        You sign in with <strong>{email}</strong>. We send a link to the new address; the change happens when you confirm it there.
      </p>
      {pending ? (
        <Alert tone="info">
          A change to <strong>{pending.newEmail}</strong> is waiting: open the link we sent there before {absoluteDate(pending.expiresAt)}.
        </Alert>
      ) : null}
      <ChangeEmailForm action={requestEmailChangeAction} email={email} />
    </section>
  );
}
