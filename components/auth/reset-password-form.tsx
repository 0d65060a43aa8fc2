'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';
import { PASSWORD_MIN_LENGTH } from '@/lib/validation/user';
import { resetPasswordSchema, type ResetPasswordInput } from '@/lib/validation/account';
import { callFormAction } from '@/components/ui/call-form-action';

type Action = (input: ResetPasswordInput) => Promise<{ ok: true } | { ok: false; error: string; field?: 'password' }>;

/** The new password for a reset link; on success, off to sign in with it. */
export function ResetPasswordForm({ action, token }: { action: Action; token: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [hydrated, setHydrated] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ResetPasswordInput>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { token, password: '' } });
  useEffect(() => setHydrated(true), []);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    if (!(await callFormAction(() => action(values), setError, setFormError))) return;
    setLeaving(true);
    window.location.assign('/login?reset=1');
  });

  const busy = isSubmitting || leaving;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" {...register('token')} />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        autoFocus
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A long passphrase is easier to remember and harder to guess.`}
        error={errors.password?.message}
        {...register('password')}
      />
      <Button type="submit" disabled={!hydrated || busy} aria-busy={busy}>
        Save new password
      </Button>
    </form>
  );
}
