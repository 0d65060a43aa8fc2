'use server';

import { headers } from 'next/headers';
import { createAccount, type CreateAccountResult } from '@/lib/account/create-account';
import { createMailer } from '@/lib/account/mailer';
import { CLIENT_IP_HEADER } from '@/lib/server/client-ip';
import { getRuntime } from '@/lib/server/runtime';
import type { SignUpInput } from '@/lib/validation/sign-up';

export type CreateAccountActionResult = { ok: true } | Extract<CreateAccountResult, { ok: false }>;

/**
 * The end user's sign-up (from an app's "Sign in with …" or the home page): the same use case
 * as the developer sign-up (lib/account/create-account.ts). The form then signs in and resumes
 * the authorization request, which asks for consent next.
 */
export async function createEndUserAccount(input: SignUpInput): Promise<CreateAccountActionResult> {
  const { config, db, rateLimits } = await getRuntime();
  const ip = (await headers()).get(CLIENT_IP_HEADER);
  const result = await createAccount({ db, mailer: createMailer(config), signUpLimiter: rateLimits.signUpPerIp, issuer: config.issuer }, input, { ip });
  return result.ok ? { ok: true } : result;
}
