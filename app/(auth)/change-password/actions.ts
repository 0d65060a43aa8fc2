'use server';

import { getUserWhoMustChangePassword } from '@/lib/auth/session';
import { changePasswordOf, type PasswordChangeResult } from '@/lib/server/password-change';
import type { ChangePasswordInput } from '@/lib/validation/account';

export type ReplacePasswordResult = PasswordChangeResult;

/**
 * Replaces a generated password (the first administrator's, or one an operator issued): the one
 * thing such a session may do. Clears the requirement and the expiry, ends every other session,
 * and deletes first-admin.txt if it names this account.
 */
export async function replaceGeneratedPassword(input: ChangePasswordInput): Promise<ReplacePasswordResult> {
  const user = await getUserWhoMustChangePassword();
  if (!user) return { ok: false, error: 'There is no password to replace here any more. Reload the page, or sign in again.' };
  return changePasswordOf(user, input);
}
