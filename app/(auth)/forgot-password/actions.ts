'use server';

import { headers } from 'next/headers';
import { createMailer } from '@/lib/account/mailer';
import { requestPasswordReset } from '@/lib/account/request-password-reset';
import { normaliseEmail } from '@/lib/rate-limit/keys';
import { tooManyAttemptsMessage } from '@/lib/rate-limit/messages';
import { CLIENT_IP_HEADER } from '@/lib/server/client-ip';
import { getRuntime } from '@/lib/server/runtime';
import { forgotPasswordSchema, type ForgotPasswordInput } from '@/lib/validation/account';

export type ForgotPasswordResult = { ok: true } | { ok: false; error: string };

/**
 * Always the same answer, at the same speed, for a well-formed email, whether or not an account
 * has it: the link is made and mailed after the answer, so neither the work for a real account
 * nor a mail server's delay or failure tells the two apart. Failures are logged for the operator.
 *
 * Rate limits (lib/rate-limit/policies.ts): past the per-IP budget the form says so and how long
 * to wait; past the per-address budget no mail is sent, but the answer is the usual one, whether
 * or not an account has the address.
 */
export async function forgotPassword(input: ForgotPasswordInput): Promise<ForgotPasswordResult> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Enter your email address.' };
  const { config, db, rateLimits } = await getRuntime();
  const ip = (await headers()).get(CLIENT_IP_HEADER);
  const perIp = ip ? await rateLimits.passwordResetPerIp.consume(ip) : null;
  if (perIp && !perIp.allowed) return { ok: false, error: tooManyAttemptsMessage(perIp.retryAfterSeconds) };
  if (!(await rateLimits.passwordResetPerEmail.consume(normaliseEmail(parsed.data.email))).allowed) return { ok: true };
  void requestPasswordReset(db, createMailer(config), { email: parsed.data.email, issuer: config.issuer }).catch((err: unknown) =>
    console.error('password reset request failed', err),
  );
  return { ok: true };
}
