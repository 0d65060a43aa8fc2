'use server';

import { changePassword, TooManyPasswordAttemptsError, WrongCurrentPasswordError } from '@/lib/account/change-password';
import { getSignedInUser } from '@/lib/auth/session';
import { deleteFirstAdminFile } from '@/lib/server/first-run';
import { getRuntime } from '@/lib/server/runtime';
import { announceEndedSessions } from '@/lib/server/sessions-ended';
import { changePasswordSchema, type ChangePasswordInput } from '@/lib/validation/account';

export type ChangePasswordResult = { ok: true } | { ok: false; error: string; field?: 'currentPassword' | 'newPassword' };

/** Changes the password; every other session ends, this browser's stays. */
export async function changePasswordAction(input: ChangePasswordInput): Promise<ChangePasswordResult> {
  const user = await getSignedInUser();
  if (!user) return { ok: false, error: 'You are no longer signed in. Sign in again, then change your password.' };
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    return { ok: false, error: issue?.message ?? 'Check the form and try again.', field: field === 'currentPassword' || field === 'newPassword' ? field : undefined };
  }
  try {
    const { config, db, rateLimits } = await getRuntime();
    const { endedSessions } = await changePassword(db, rateLimits.currentPasswordPerAccount, { userId: user.id, sessionId: user.sessionId }, parsed.data);
    deleteFirstAdminFile(config.dataDir, user.email); // the first-run password, if this is that account, is gone
    await announceEndedSessions(user.id, endedSessions);
    return { ok: true };
  } catch (err) {
    if (err instanceof WrongCurrentPasswordError || err instanceof TooManyPasswordAttemptsError) return { ok: false, field: 'currentPassword', error: err.message };
    console.error('password change failed', err);
    return { ok: false, error: "We couldn't change your password just now. Wait a moment and try again." };
  }
}
