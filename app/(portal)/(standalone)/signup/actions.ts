'use server';

import { headers } from 'next/headers';
import { createAccount, type CreateAccountResult } from '@/lib/account/create-account';
import { createMailer } from '@/lib/account/mailer';
import { CLIENT_IP_HEADER } from '@/lib/server/client-ip';
import { getRuntime } from '@/lib/server/runtime';
import type { SignUpInput } from '@/lib/validation/sign-up';

export type SignUpResult = { ok: true } | Extract<CreateAccountResult, { ok: false }>;

/**
 * The developer sign-up: creates the account and mails the verification link
 * (lib/account/create-account.ts: field rules, the operator's sign-up policy, the network's
 * sign-up budget); the form then signs in with the same credentials through next-auth.
 */
export async function signUp(input: SignUpInput): Promise<SignUpResult> {
  const { config, db, rateLimits } = await getRuntime();
  const ip = (await headers()).get(CLIENT_IP_HEADER);
  const result = await createAccount({ db, mailer: createMailer(config), signUpLimiter: rateLimits.signUpPerIp, issuer: config.issuer }, input, { ip });
  return result.ok ? { ok: true } : result;
}
