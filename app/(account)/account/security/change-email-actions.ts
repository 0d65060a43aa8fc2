'use server';

import { EmailInUseError, requestEmailChange, SameEmailError } from '@/lib/account/change-email';
import { TooManyPasswordAttemptsError, WrongCurrentPasswordError } from '@/lib/account/change-password';
import { createMailer } from '@/lib/account/mailer';
import { getSignedInUser } from '@/lib/auth/session';
import { getRuntime } from '@/lib/server/runtime';
import { changeEmailSchema, type ChangeEmailInput } from '@/lib/validation/account';

export type ChangeEmailResult =
  | { ok: true; currentEmail: string; newEmail: string }
  | { ok: false; error: string; field?: 'newEmail' | 'currentPassword' };

/** Mails a confirmation link to the new address (and a notice to the current one). */
export async function requestEmailChangeAction(input: ChangeEmailInput): Promise<ChangeEmailResult> {
  const user = await getSignedInUser();
  if (!user) return { ok: false, error: 'You are no longer signed in. Sign in again, then change your email address.' };
  const parsed = changeEmailSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    return { ok: false, error: issue?.message ?? 'Check the form and try again.', field: field === 'newEmail' || field === 'currentPassword' ? field : undefined };
  }
  const { config, db, rateLimits } = await getRuntime();
  try {
    const { currentEmail, newEmail } = await requestEmailChange(db, rateLimits.currentPasswordPerAccount, createMailer(config), { userId: user.id }, { ...parsed.data, issuer: config.issuer });
    return { ok: true, currentEmail, newEmail };
  } catch (err) {
    if (err instanceof WrongCurrentPasswordError || err instanceof TooManyPasswordAttemptsError) return { ok: false, field: 'currentPassword', error: err.message };
    if (err instanceof SameEmailError || err instanceof EmailInUseError) return { ok: false, field: 'newEmail', error: err.message };
    console.error('email change request failed', err);
    return { ok: false, error: "We couldn't send the confirmation email just now. Wait a moment and try again." };
  }
}
