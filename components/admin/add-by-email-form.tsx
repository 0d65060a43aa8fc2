'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { UNREACHABLE, type ActionResult } from '@/components/portal/action-result';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';
import { emailField } from '@/lib/validation/user';

const schema = z.object({ email: emailField });
type Values = z.input<typeof schema>;

/** One email field and a button: add an account to a group, or assign it to an app. */
export function AddByEmailForm({ label, buttonLabel, action }: { label: string; buttonLabel: string; action: (input: { email: string }) => Promise<ActionResult> }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { email: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await action(values).catch(() => UNREACHABLE);
    if (result.ok) {
      reset();
      router.refresh();
      return;
    }
    const fieldError = result.fieldErrors?.email;
    if (fieldError) setError('email', { message: fieldError }, { shouldFocus: true });
    else setFormError(result.error);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <div className="min-w-0 flex-1">
          <TextField label={label} type="email" autoComplete="off" autoCapitalize="none" spellCheck={false} placeholder="name@example.com" error={formState.errors.email?.message} {...register('email')} />
        </div>
        <Button type="submit" variant="secondary" fullWidth={false} className="sm:mt-7" disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
          {buttonLabel}
        </Button>
      </div>
    </form>
  );
}
