'use server';

import { createMailer } from '@/lib/account/mailer';
import { requestPasswordReset } from '@/lib/account/request-password-reset';
import { getRuntime } from '@/lib/server/runtime';
import { forgotPasswordSchema, type ForgotPasswordInput } from '@/lib/validation/account';

export type ForgotPasswordResult = { ok: true } | { ok: false; error: string };

/** Always the same answer for a well-formed email, whether or not an account has it. */
export async function forgotPassword(input: ForgotPasswordInput): Promise<ForgotPasswordResult> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Enter your email address.' };
  const { config, db } = await getRuntime();
  try {
    await requestPasswordReset(db, createMailer(config), { email: parsed.data.email, issuer: config.issuer });
  } catch (err) {
    console.error('password reset request failed', err);
    return { ok: false, error: "We couldn't send the email just now. Wait a moment and try again." };
  }
  return { ok: true };
}
