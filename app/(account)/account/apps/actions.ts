'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { revokeAppAccess as revoke } from '@/lib/account/revoke-app-access';
import { getSignedInUser } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/portal/errors';
import { getRuntime } from '@/lib/server/runtime';

export type RevokeState = { ok?: true; error?: string };

const clientIdField = z.string().min(1).max(256);

/** "Revoke access" on /account/apps: the app loses the consent and every token for this user. */
export async function revokeAppAccess(clientId: string): Promise<RevokeState> {
  const parsed = clientIdField.safeParse(clientId);
  if (!parsed.success) return { error: 'That app could not be found. Reload the page and try again.' };
  const user = await getSignedInUser();
  if (!user) return { error: 'Your session has ended. Sign in again to manage your apps.' };
  try {
    const { db, provider } = await getRuntime();
    await revoke(db, { userId: user.id }, parsed.data);
    // Back-Channel Logout: the app is told to end this user's sessions; it does not delay the page.
    void provider.logout.accessRevoked(user.id, parsed.data).catch((err: unknown) => console.error('back-channel logout failed', err));
  } catch (err) {
    if (err instanceof NotFoundError) return { error: 'This app no longer has access to your account. Reload the page to see the current list.' };
    console.error('revoking app access failed', err);
    return { error: 'Something went wrong on our side. Try again in a moment.' };
  }
  revalidatePath('/account/apps');
  revalidatePath('/account/activity');
  return { ok: true };
}
