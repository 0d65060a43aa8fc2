'use server';

import { headers } from 'next/headers';
import { createUser, DuplicateEmailError } from '@/lib/account/create-user';
import { createMailer } from '@/lib/account/mailer';
import { sendVerificationEmail } from '@/lib/account/send-verification-email';
import { tooManyAttemptsMessage } from '@/lib/rate-limit/messages';
import { CLIENT_IP_HEADER } from '@/lib/server/client-ip';
import { getRuntime } from '@/lib/server/runtime';
import { signUpSchema, type SignUpInput } from '@/lib/validation/sign-up';

export type SignUpResult = { ok: true } | { ok: false; error: string; field?: 'email' | 'password' | 'name' };

/**
 * Creates the account and mails the verification link; the form then signs in with the same
 * credentials through next-auth. A mail failure is logged, not fatal: the account exists.
 * Every well-formed attempt counts against the network's sign-up budget (lib/rate-limit/policies.ts).
 */
export async function signUp(input: SignUpInput): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    return { ok: false, error: issue?.message ?? 'Check the form and try again.', field: field === 'email' || field === 'password' || field === 'name' ? field : undefined };
  }
  const { config, db, rateLimits } = await getRuntime();
  const ip = (await headers()).get(CLIENT_IP_HEADER);
  const perIp = ip ? await rateLimits.signUpPerIp.consume(ip) : null;
  if (perIp && !perIp.allowed) return { ok: false, error: tooManyAttemptsMessage(perIp.retryAfterSeconds) };
  try {
    const user = await createUser(db, { ...parsed.data, isAdmin: false });
    await sendVerificationEmail(db, createMailer(config), { userId: user.id, issuer: config.issuer }).catch((err: unknown) =>
      console.error('could not send the verification email', err),
    );
    return { ok: true };
  } catch (err) {
    if (err instanceof DuplicateEmailError) {
      return { ok: false, field: 'email', error: 'An account with this email already exists. Sign in instead, or use another email.' };
    }
    console.error('sign-up failed', err);
    return { ok: false, error: "We couldn't create your account just now. Wait a moment and try again." };
  }
}
