'use server';

import { getSignedInUser } from '@/lib/auth/session';
import { changePasswordOf, type PasswordChangeResult } from '@/lib/server/password-change';
import type { ChangePasswordInput } from '@/lib/validation/account';

export type ChangePasswordResult = PasswordChangeResult;

/** Changes the password; every other session ends, this browser's stays. */
export async function changePasswordAction(input: ChangePasswordInput): Promise<ChangePasswordResult> {
  const user = await getSignedInUser();
  if (!user) return { ok: false, error: 'You are no longer signed in. Sign in again, then change your password.' };
  return changePasswordOf(user, input);
}
