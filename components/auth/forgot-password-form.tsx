'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';
import { forgotPasswordSchema, type ForgotPasswordInput } from '@/lib/validation/account';

type Action = (input: ForgotPasswordInput) => Promise<{ ok: true } | { ok: false; error: string }>;

/** Asks for a reset link; the answer never says whether the email has an account. */
export function ForgotPasswordForm({ action }: { action: Action }) {
  const [sent, setSent] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [hydrated, setHydrated] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<ForgotPasswordInput>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: '' } });
  useEffect(() => setHydrated(true), []);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await action(values).catch(() => ({ ok: false as const, error: "We couldn't reach Portico. Check your connection and try again." }));
    if (result.ok) setSent(true);
    else setFormError(result.error);
  });

  if (sent) {
    return (
      <Alert tone="success" title="Check your email">
        If an account exists for that address, we sent a link to reset your password. It works once, for 1 hour.
      </Alert>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField label="Email" type="email" autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus error={errors.email?.message} {...register('email')} />
      <Button type="submit" disabled={!hydrated || isSubmitting} aria-busy={isSubmitting}>
        Send reset link
      </Button>
    </form>
  );
}
