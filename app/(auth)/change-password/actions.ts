'use server';

import { changePassword, TooManyPasswordAttemptsError, WrongCurrentPasswordError } from '@/lib/account/change-password';
import { getUserWhoMustChangePassword } from '@/lib/auth/session';
import { deleteFirstAdminFile } from '@/lib/server/first-run';
import { getRuntime } from '@/lib/server/runtime';
import { announceEndedSessions } from '@/lib/server/sessions-ended';
import { changePasswordSchema, type ChangePasswordInput } from '@/lib/validation/account';

export type ReplacePasswordResult = { ok: true } | { ok: false; error: string; field?: 'currentPassword' | 'newPassword' };

/**
 * Replaces a generated password (the first administrator's, or one an operator issued): the one
 * thing such a session may do. Clears the requirement and the expiry, ends every other session,
 * and deletes first-admin.txt if it names this account.
 */
export async function replaceGeneratedPassword(input: ChangePasswordInput): Promise<ReplacePasswordResult> {
  const user = await getUserWhoMustChangePassword();
  if (!user) return { ok: false, error: 'There is no password to replace here any more. Reload the page, or sign in again.' };
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    return { ok: false, error: issue?.message ?? 'Check the form and try again.', field: field === 'currentPassword' || field === 'newPassword' ? field : undefined };
  }
  try {
    const { config, db, rateLimits } = await getRuntime();
    const { endedSessions } = await changePassword(db, rateLimits.currentPasswordPerAccount, { userId: user.id, sessionId: user.sessionId }, parsed.data);
    deleteFirstAdminFile(config.dataDir, user.email);
    await announceEndedSessions(user.id, endedSessions);
    return { ok: true };
  } catch (err) {
    if (err instanceof WrongCurrentPasswordError || err instanceof TooManyPasswordAttemptsError) return { ok: false, field: 'currentPassword', error: err.message };
    console.error('replacing a generated password failed', err);
    return { ok: false, error: "We couldn't change your password just now. Wait a moment and try again." };
  }
}
