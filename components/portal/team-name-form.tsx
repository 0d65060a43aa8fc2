'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';
import { createTeamSchema, type CreateTeamInput } from '@/lib/validation/team';
import { UNREACHABLE, type ActionResult } from './action-result';
import { applyFieldErrors } from './apply-field-errors';

type NameAction = (input: CreateTeamInput) => Promise<ActionResult<{ name: string }>>;

/**
 * A team's name: "Create team" on the teams page (the action then opens the new team) or
 * "Rename" on a team's page (owners). The rule is lib/validation/team.ts teamNameField.
 */
export function TeamNameForm({ action, defaultName = '', submitLabel, label = 'Team name' }: { action: NameAction; defaultName?: string; submitLabel: string; label?: string }) {
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<CreateTeamInput>({
    resolver: zodResolver(createTeamSchema),
    defaultValues: { name: defaultName },
  });

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    // Creating a team redirects to it: that action only comes back on failure.
    const result: ActionResult<{ name: string }> | undefined = await action(values).catch(() => UNREACHABLE);
    if (!result) return;
    if (result.ok) {
      reset({ name: defaultName ? result.data.name : '' });
      if (defaultName) setMessage({ tone: 'success', text: `Renamed to ${result.data.name}.` });
      return;
    }
    const unplaced = applyFieldErrors(result.fieldErrors, setError, ['name']);
    if (unplaced.length || !result.fieldErrors) setMessage({ tone: 'error', text: [result.error, ...unplaced].join(' ') });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={submitLabel}>
      {message ? (
        <Alert tone={message.tone}>
          <span className="wrap-anywhere">{message.text}</span>
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start">
        <TextField label={label} autoComplete="off" maxLength={100} error={formState.errors.name?.message} {...register('name')} />
        <div className="sm:pt-7">
          <Button type="submit" fullWidth={false} className="w-full sm:w-auto" disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
            {submitLabel}
          </Button>
        </div>
      </div>
    </form>
  );
}
