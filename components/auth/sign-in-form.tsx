'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';
import { sameOriginPath } from '@/lib/auth/relative-url';
import { signInSchema, type SignInInput, type SignInValues } from '@/lib/validation/sign-in';

const INCORRECT = 'Incorrect email or password.';
const UNAVAILABLE = "We couldn't sign you in just now. Wait a moment and try again.";

/**
 * Email + password sign-in through next-auth. On success the browser goes to `continueTo`
 * (a same-origin path, e.g. back to /oauth/authorize) with a full navigation.
 */
export function SignInForm({ continueTo, defaultEmail }: { continueTo: string; defaultEmail?: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [hydrated, setHydrated] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const {
    register,
    handleSubmit,
    resetField,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput, unknown, SignInValues>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: defaultEmail ?? '', password: '' },
  });

  // Until React is in charge the button stays disabled, which also blocks implicit (Enter)
  // submission: a native submit must never carry the password anywhere.
  useEffect(() => setHydrated(true), []);

  const onSubmit = handleSubmit(async ({ email, password }) => {
    setFormError(null);
    const result = await signIn('credentials', { redirect: false, email, password }).catch(() => undefined);
    if (result?.ok && !result.error) {
      setLeaving(true);
      window.location.assign(sameOriginPath(continueTo) ?? '/');
      return;
    }
    setFormError(result?.error === 'CredentialsSignin' ? INCORRECT : UNAVAILABLE);
    resetField('password');
    setFocus('password');
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus={!defaultEmail}
        defaultValue={defaultEmail}
        error={errors.email?.message}
        {...register('email')}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        autoFocus={Boolean(defaultEmail)}
        error={errors.password?.message}
        {...register('password')}
      />
      <Button type="submit" disabled={!hydrated || isSubmitting || leaving} aria-busy={isSubmitting || leaving}>
        Sign in
      </Button>
    </form>
  );
}
