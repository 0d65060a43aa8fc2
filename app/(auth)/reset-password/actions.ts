'use server';

import { EmailLinkError } from '@/lib/account/email-tokens';
import { resetPassword } from '@/lib/account/reset-password';
import { normaliseEmail } from '@/lib/rate-limit';
import { deleteFirstAdminFile } from '@/lib/server/first-run';
import { getRuntime } from '@/lib/server/runtime';
import { announceEndedSessions } from '@/lib/server/sessions-ended';
import { resetPasswordSchema, type ResetPasswordInput } from '@/lib/validation/account';

export type ResetPasswordResult = { ok: true } | { ok: false; error: string; field?: 'password' };

export async function resetPasswordAction(input: ResetPasswordInput): Promise<ResetPasswordResult> {
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: issue?.message ?? 'Check the form and try again.', field: issue?.path[0] === 'password' ? 'password' : undefined };
  }
  const { config, db, rateLimits } = await getRuntime();
  try {
    const { userId, email, endedSessions } = await resetPassword(db, parsed.data);
    // A reset proves control of the mailbox: the account may sign in again at once.
    await rateLimits.signInPerAccount.reset(normaliseEmail(email));
    deleteFirstAdminFile(config.dataDir, email); // the first-run password, if this is that account, is gone
    await announceEndedSessions(userId, endedSessions);
    return { ok: true };
  } catch (err) {
    if (err instanceof EmailLinkError) return { ok: false, error: err.message };
    console.error('password reset failed', err);
    return { ok: false, error: "We couldn't change your password just now. Wait a moment and try again." };
  }
}
