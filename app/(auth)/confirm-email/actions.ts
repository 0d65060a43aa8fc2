'use server';

import type { ConfirmEmailState } from '@/components/auth/confirm-email-form';
import { confirmEmailChange } from '@/lib/account/change-email';
import { getRuntime } from '@/lib/server/runtime';

/** The "Confirm new email" button: spends the link and moves the account to the new address. */
export async function confirmEmailChangeAction(_previous: ConfirmEmailState, form: FormData): Promise<ConfirmEmailState> {
  const token = form.get('token');
  try {
    return await confirmEmailChange((await getRuntime()).db, typeof token === 'string' ? token : '');
  } catch (err) {
    console.error('email change confirmation failed', err);
    return { ok: false, problem: 'failed', message: "We couldn't change your email address just now. Wait a moment and try again." };
  }
}
