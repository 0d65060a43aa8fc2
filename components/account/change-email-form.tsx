'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { callFormAction } from '@/components/ui/call-form-action';
import { TextField } from '@/components/ui/input';
import { changeEmailSchema, type ChangeEmailInput } from '@/lib/validation/account';

type Action = (
  input: ChangeEmailInput,
) => Promise<{ ok: true; currentEmail: string; newEmail: string } | { ok: false; error: string; field?: 'newEmail' | 'currentPassword' }>;

/** New address + current password. Nothing changes until the link mailed to the new address is confirmed. */
export function ChangeEmailForm({ action, email }: { action: Action; email: string }) {
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [hydrated, setHydrated] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ChangeEmailInput>({ resolver: zodResolver(changeEmailSchema), defaultValues: { newEmail: '', currentPassword: '' } });
  useEffect(() => setHydrated(true), []);

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const sent = await callFormAction(() => action(values), setError, (text) => setMessage({ tone: 'error', text }));
    if (!sent) return;
    reset();
    setMessage({ tone: 'success', text: `We sent a link to ${sent.newEmail}. Your address stays ${sent.currentEmail} until you confirm the change there.` });
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label="New email address" type="email" autoComplete="email" spellCheck={false} error={errors.newEmail?.message} {...register('newEmail')} />
      <TextField label="Current password" type="password" autoComplete="current-password" error={errors.currentPassword?.message} {...register('currentPassword')} />
      <Button type="submit" fullWidth={false} disabled={!hydrated || isSubmitting} aria-busy={isSubmitting}>
        Send confirmation link
      </Button>
    </form>
  );
}
