'use server';

import { createUser, DuplicateEmailError } from '@/lib/account/create-user';
import { getRuntime } from '@/lib/server/runtime';
import { signUpSchema, type SignUpInput } from '@/lib/validation/sign-up';

export type SignUpResult = { ok: true } | { ok: false; error: string; field?: 'email' | 'password' | 'name' };

/** Creates the account; the form then signs in with the same credentials through next-auth. */
export async function signUp(input: SignUpInput): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    return { ok: false, error: issue?.message ?? 'Check the form and try again.', field: field === 'email' || field === 'password' || field === 'name' ? field : undefined };
  }
  const { db } = await getRuntime();
  try {
    await createUser(db, { ...parsed.data, isAdmin: false });
    return { ok: true };
  } catch (err) {
    if (err instanceof DuplicateEmailError) {
      return { ok: false, field: 'email', error: 'An account with this email already exists. Sign in instead, or use another email.' };
    }
    console.error('sign-up failed', err);
    return { ok: false, error: "We couldn't create your account just now. Wait a moment and try again." };
  }
}
