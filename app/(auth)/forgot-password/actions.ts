'use server';

import { createMailer } from '@/lib/account/mailer';
import { requestPasswordReset } from '@/lib/account/request-password-reset';
import { getRuntime } from '@/lib/server/runtime';
import { forgotPasswordSchema, type ForgotPasswordInput } from '@/lib/validation/account';

export type ForgotPasswordResult = { ok: true } | { ok: false; error: string };

/**
 * Always the same answer, at the same speed, for a well-formed email, whether or not an account
 * has it: the link is made and mailed after the answer, so neither the work for a real account
 * nor a mail server's delay or failure tells the two apart. Failures are logged for the operator.
 */
export async function forgotPassword(input: ForgotPasswordInput): Promise<ForgotPasswordResult> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Enter your email address.' };
  const { config, db } = await getRuntime();
  void requestPasswordReset(db, createMailer(config), { email: parsed.data.email, issuer: config.issuer }).catch((err: unknown) =>
    console.error('password reset request failed', err),
  );
  return { ok: true };
}
