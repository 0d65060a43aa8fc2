/**
 * A signed-in user changes their password (from the account area, or to replace a generated one):
 * the form's rules, the current password checked under the per-account limit, every other session
 * ended and its apps told, and first-admin.txt removed if it names this account.
 */
import { changePassword, TooManyPasswordAttemptsError, WrongCurrentPasswordError } from '../account/change-password.ts';
import { changePasswordSchema, type ChangePasswordInput } from '../validation/account.ts';
import { deleteFirstAdminFile } from './first-run.ts';
import { getRuntime } from './runtime.ts';
import { announceEndedSessions } from './sessions-ended.ts';

export type PasswordChangeResult = { ok: true } | { ok: false; error: string; field?: 'currentPassword' | 'newPassword' };

export async function changePasswordOf(user: { id: string; email: string; sessionId: string | null }, input: ChangePasswordInput): Promise<PasswordChangeResult> {
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
    console.error('password change failed', err);
    return { ok: false, error: "We couldn't change your password just now. Wait a moment and try again." };
  }
}
