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
import { createGroupSchema, type CreateGroupInput } from '@/lib/validation/group';


/** New group: a name and an optional description; then its page opens to add members. */
export function CreateGroupForm({ action }: { action: (input: CreateGroupInput) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<CreateGroupInput, unknown, z.output<typeof createGroupSchema>>({ resolver: zodResolver(createGroupSchema), defaultValues: { name: '', description: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await action(values).catch(() => UNREACHABLE);
    if (result.ok) return router.push(`/admin/groups/${encodeURIComponent(result.data.id)}`);
    const unplaced = applyFieldErrors(result.fieldErrors, setError, ['name', 'description']);
    setFormError(unplaced.length || !result.fieldErrors ? [result.error, ...unplaced].join(' ') : null);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="create-group-heading" className="space-y-4 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="create-group-heading" className="text-base font-semibold text-zinc-900">
        Create a group
      </h2>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label="Group name" placeholder="Finance" autoComplete="off" error={formState.errors.name?.message} {...register('name')} />
        <TextField label="Description" hint="Optional, one line." autoComplete="off" error={formState.errors.description?.message} {...register('description')} />
      </div>
      <div className="flex justify-end">
        <Button type="submit" fullWidth={false} disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
          Create group
        </Button>
      </div>
    </form>
  );
}
