'use server';

import { revalidatePath } from 'next/cache';
import type { SaveProfileResult } from '@/components/account/profile-form';
import { updateProfile } from '@/lib/account/update-profile';
import { getSignedInUser } from '@/lib/auth/session';
import { ValidationError } from '@/lib/portal/errors';
import { getRuntime } from '@/lib/server/runtime';
import { PROFILE_FIELDS, type ProfileField, type ProfileInput } from '@/lib/validation/profile';

const asField = (path: unknown): ProfileField | undefined => (PROFILE_FIELDS as unknown[]).includes(path) ? (path as ProfileField) : undefined;

/** Saves the profile (lib/account/update-profile.ts); a refused field is named so the form marks it. */
export async function saveProfile(input: ProfileInput): Promise<SaveProfileResult> {
  const user = await getSignedInUser();
  if (!user) return { ok: false, error: 'You are no longer signed in. Sign in again, then save your profile.' };
  try {
    await updateProfile((await getRuntime()).db, { userId: user.id }, input);
  } catch (err) {
    if (err instanceof ValidationError) {
      const issue = err.issues[0];
      return { ok: false, error: issue?.message ?? 'Check the form and try again.', field: asField(issue?.path[0]) };
    }
    console.error('profile update failed', err);
    return { ok: false, error: "We couldn't save your profile just now. Wait a moment and try again." };
  }
  revalidatePath('/account/profile');
  return { ok: true };
}
