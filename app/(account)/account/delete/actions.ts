'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { deleteAccount as remove, WrongPasswordError } from '@/lib/account/delete-account';
import { TooManyPasswordAttemptsError } from '@/lib/account/verify-current-password';
import { sessionCookieName } from '@/lib/auth/session-port';
import { getSignedInUser } from '@/lib/auth/session';
import { ForbiddenError } from '@/lib/portal/errors';
import { getRuntime } from '@/lib/server/runtime';

export type DeleteAccountState = { error?: string };

const input = z.object({
  password: z.string().min(1, 'Enter your current password.').max(128),
  confirm: z.literal('on', { error: 'Tick the box to confirm that you understand this cannot be undone.' }),
});

/** Deletes the signed-in account after re-authentication, tells connected apps, and ends the session. */
export async function deleteAccount(_previous: DeleteAccountState, form: FormData): Promise<DeleteAccountState> {
  const parsed = input.safeParse({ password: form.get('password'), confirm: form.get('confirm') });
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const user = await getSignedInUser();
  if (!user) return { error: 'Your session has ended. Sign in again to delete your account.' };
  const { db, provider, config, rateLimits } = await getRuntime();
  try {
    const { clientIds } = await remove(db, rateLimits.currentPasswordPerAccount, { userId: user.id }, parsed.data.password);
    for (const clientId of clientIds) {
      void provider.logout.accessRevoked(user.id, clientId).catch((err: unknown) => console.error('back-channel logout failed', err));
    }
  } catch (err) {
    if (err instanceof WrongPasswordError || err instanceof TooManyPasswordAttemptsError || err instanceof ForbiddenError) return { error: err.message };
    console.error('deleting an account failed', err);
    return { error: 'Something went wrong on our side. Your account was not deleted; try again in a moment.' };
  }
  (await cookies()).delete(sessionCookieName(config.secureCookies));
  redirect('/logged-out');
}
