'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { TwoFactorFailure } from '@/app/(account)/account/security/two-factor-actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';

const UNREACHABLE = "We couldn't reach Portico. Check your connection and try again.";

type Props<R extends { ok: true }> = {
  title: string;
  description: string;
  submitLabel: string;
  danger?: boolean;
  action: (input: { password: string }) => Promise<R | TwoFactorFailure>;
  onSuccess: (result: R) => void;
  onCancel: () => void;
};

/** Asks for the current password again before a two-step verification change. */
export function TwoFactorPasswordForm<R extends { ok: true }>({ title, description, submitLabel, danger = false, action, onSuccess, onCancel }: Props<R>) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<{ password: string }>({ defaultValues: { password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await action(values).catch((): TwoFactorFailure => ({ ok: false, error: UNREACHABLE }));
    if (result.ok) return onSuccess(result);
    if (result.field === 'password') setError('password', { message: result.error }, { shouldFocus: true });
    else setFormError(result.error);
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="two-factor-password-title">
      <h3 id="two-factor-password-title" className="font-semibold">
        {title}
      </h3>
      <p className="text-sm text-zinc-700">{description}</p>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        autoFocus
        hint="To keep your account safe, confirm it's you."
        error={errors.password?.message}
        {...register('password', { required: 'Enter your current password.' })}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant={danger ? 'danger' : 'primary'} fullWidth={false} disabled={isSubmitting} aria-busy={isSubmitting}>
          {submitLabel}
        </Button>
        <Button variant="ghost" fullWidth={false} onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
