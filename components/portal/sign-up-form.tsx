'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';
import { sameOriginPath } from '@/lib/auth/relative-url';
import { PASSWORD_MIN_LENGTH } from '@/lib/validation/user';
import { signUpSchema, type SignUpInput, type SignUpValues } from '@/lib/validation/sign-up';
import { callFormAction } from '@/components/ui/call-form-action';

type SignUpAction = (input: SignUpInput) => Promise<{ ok: true } | { ok: false; error: string; field?: 'email' | 'password' | 'name' }>;

/**
 * Creates the account with the server action, then signs in through next-auth with the same
 * credentials and goes to `continueTo` (a same-origin path: /developers for the developer
 * sign-up, the parked authorization request for an end user arriving from an app). Used by both
 * sign-up pages; `nameHint` says who sees the name.
 */
export function SignUpForm({
  action,
  continueTo,
  nameHint = 'Optional. Shown to your teammates.',
}: {
  action: SignUpAction;
  continueTo: string;
  nameHint?: string;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const [hydrated, setHydrated] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignUpInput, unknown, SignUpValues>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { name: '', email: '', password: '' },
  });

  // A native submit must never carry the password anywhere: the button waits for React.
  useEffect(() => setHydrated(true), []);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    if (!(await callFormAction(() => action(values), setError, setFormError))) return;
    const signedIn = await signIn('credentials', { redirect: false, email: values.email, password: values.password }).catch(() => undefined);
    setLeaving(true);
    const target = sameOriginPath(continueTo) ?? '/developers';
    window.location.assign(signedIn?.ok && !signedIn.error ? target : `/login?callbackUrl=${encodeURIComponent(target)}`);
  });

  const busy = isSubmitting || leaving;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField label="Name" autoComplete="name" hint={nameHint} error={errors.name?.message} {...register('name')} />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        error={errors.email?.message}
        {...register('email')}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A long passphrase is easier to remember and harder to guess.`}
        error={errors.password?.message}
        {...register('password')}
      />
      <Button type="submit" disabled={!hydrated || busy} aria-busy={busy}>
        Create account
      </Button>
    </form>
  );
}
