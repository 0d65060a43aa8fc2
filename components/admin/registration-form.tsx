'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { UNREACHABLE, type ActionResult } from '@/components/portal/action-result';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';
import { SelectField } from '@/components/ui/select';
import { registrationPolicySchema, type RegistrationPolicyInput } from '@/lib/validation/operator-settings';
import { SAVED, type SaveStatus } from './save-status';

type Mode = 'off' | 'open' | 'initial_access_token';

export function RegistrationForm({
  value,
  hasInitialAccessToken,
  action,
}: {
  value: { mode: Mode; openClientTtlDays: number };
  hasInitialAccessToken: boolean;
  action: (input: RegistrationPolicyInput) => Promise<ActionResult>;
}) {
  const router = useRouter();
  const [status, setStatus] = useState<SaveStatus>(null);
  const { register, handleSubmit, watch, formState } = useForm<RegistrationPolicyInput, unknown, z.output<typeof registrationPolicySchema>>({
    resolver: zodResolver(registrationPolicySchema),
    defaultValues: { mode: value.mode, ttlDays: value.openClientTtlDays },
  });
  const options = [
    { value: 'off', label: 'Off' },
    { value: 'open', label: 'Open to anyone (apps expire unless renewed)' },
    { value: 'initial_access_token', label: hasInitialAccessToken ? 'With the initial access token' : 'With the initial access token (not configured)' },
  ];

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await action(values).catch(() => UNREACHABLE);
    setStatus(result.ok ? SAVED : { tone: 'error', text: result.fieldErrors?.ttlDays ?? result.error });
    if (result.ok) router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField label="Registration" options={options} error={formState.errors.mode?.message} {...register('mode')} />
        <TextField
          label="Openly registered apps live for (days)"
          type="number"
          min={1}
          max={3650}
          inputMode="numeric"
          disabled={watch('mode') !== 'open'}
          error={formState.errors.ttlDays?.message}
          {...register('ttlDays', { setValueAs: (v: unknown) => (v === '' || v === undefined ? undefined : Number(v)) })}
        />
      </div>
      <Button type="submit" size="sm" fullWidth={false} disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
        Save registration
      </Button>
    </form>
  );
}
