'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { UNREACHABLE, type ActionResult } from '@/components/portal/action-result';
import { applyFieldErrors } from '@/components/portal/apply-field-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';
import { updateGroupSchema, type UpdateGroupInput } from '@/lib/validation/group';


/** Rename a group or change its description. */
export function GroupDetailsForm({ group, action }: { group: { name: string; description: string | null }; action: (input: UpdateGroupInput) => Promise<ActionResult> }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<UpdateGroupInput, unknown, z.output<typeof updateGroupSchema>>({
    resolver: zodResolver(updateGroupSchema),
    defaultValues: { name: group.name, description: group.description ?? '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await action(values).catch(() => UNREACHABLE);
    if (result.ok) {
      setMessage({ tone: 'success', text: 'Saved.' });
      return router.refresh();
    }
    const unplaced = applyFieldErrors(result.fieldErrors, setError, ['name', 'description']);
    if (unplaced.length || !result.fieldErrors) setMessage({ tone: 'error', text: [result.error, ...unplaced].join(' ') });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label="Group name" autoComplete="off" error={formState.errors.name?.message} {...register('name')} />
        <TextField label="Description" hint="Optional, one line." autoComplete="off" error={formState.errors.description?.message} {...register('description')} />
      </div>
      <Button type="submit" variant="secondary" size="sm" fullWidth={false} disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
        Save changes
      </Button>
    </form>
  );
}
