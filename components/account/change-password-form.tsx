'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';
import { sameOriginPath } from '@/lib/auth/relative-url';
import { PASSWORD_MIN_LENGTH } from '@/lib/validation/user';
import { changePasswordSchema, type ChangePasswordInput } from '@/lib/validation/account';
import { callFormAction } from '@/components/ui/call-form-action';

type Action = (input: ChangePasswordInput) => Promise<{ ok: true } | { ok: false; error: string; field?: 'currentPassword' | 'newPassword' }>;

/**
 * Current + new password. The change ends every other session; this browser stays signed in.
 * With `then` (a same-origin path), the browser goes there once the password is changed.
 */
export function ChangePasswordForm({ action, email, then }: { action: Action; email: string; then?: string }) {
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [hydrated, setHydrated] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordInput>({ resolver: zodResolver(changePasswordSchema), defaultValues: { currentPassword: '', newPassword: '' } });
  useEffect(() => setHydrated(true), []);

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    if (!(await callFormAction(() => action(values), setError, (text) => setMessage({ tone: 'error', text })))) return;
    if (then) return window.location.assign(sameOriginPath(then) ?? '/');
    reset();
    setMessage({ tone: 'success', text: 'Your password has been changed. Other devices and browsers have been signed out.' });
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label="Current password" type="password" autoComplete="current-password" error={errors.currentPassword?.message} {...register('currentPassword')} />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A long passphrase is easier to remember and harder to guess.`}
        error={errors.newPassword?.message}
        {...register('newPassword')}
      />
      <Button type="submit" fullWidth={false} disabled={!hydrated || isSubmitting} aria-busy={isSubmitting}>
        Change password
      </Button>
    </form>
  );
}
