'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';
import { SelectField } from '@/components/ui/select';
import type { TeamSummary } from '@/lib/portal/types';
import { createApiResourceSchema, type CreateApiResourceInput, type CreateApiResourceValues } from '@/lib/validation/api-resource';
import { UNREACHABLE, type ActionResult } from './action-result';
import { TOKEN_FORMAT_OPTIONS, ttlOptions } from './api-options';
import { applyFieldErrors } from './apply-field-errors';

type CreateAction = (teamId: string, input: CreateApiResourceInput) => Promise<ActionResult<{ id: string }>>;

/**
 * "New API": identifier, name, description, token format and lifetime, checked as the user
 * types by the shared createApiResourceSchema and again by the server action. On success the
 * action opens the API's Scopes tab.
 */
export function ApiCreateForm({ teams, defaultTeamId, action }: { teams: readonly TeamSummary[]; defaultTeamId: string; action: CreateAction }) {
  const [teamId, setTeamId] = useState(defaultTeamId);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<CreateApiResourceInput, unknown, CreateApiResourceValues>({
    resolver: zodResolver(createApiResourceSchema),
    mode: 'onTouched',
    defaultValues: { identifier: '', name: '', description: '', tokenFormat: 'jwt', accessTokenTtl: 3600 },
  });
  const errors = formState.errors;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await action(teamId, values).catch(() => UNREACHABLE);
    // On success the action redirects to the new API; only failures come back here.
    if (!result || result.ok) return;
    const unplaced = applyFieldErrors(result.fieldErrors, setError, ['identifier', 'name', 'description', 'tokenFormat', 'accessTokenTtl']);
    setFormError(unplaced.length || !result.fieldErrors ? [result.error, ...unplaced].join(' ') : null);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="New API" className="space-y-6 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-8">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        label="Identifier"
        hint="The API’s URI, sent by apps as the resource parameter and put in its tokens’ audience (RFC 8707). https, or http on localhost. It cannot change later."
        placeholder="https://api.example.com"
        inputMode="url"
        autoCapitalize="none"
        autoComplete="off"
        spellCheck={false}
        className="font-mono"
        autoFocus
        error={errors.identifier?.message}
        {...register('identifier')}
      />
      <TextField label="Name" hint="Shown to developers asking for access and to users on the consent screen." autoComplete="off" error={errors.name?.message} {...register('name')} />
      <TextField label="Description" hint="Optional. What the API does, in a sentence." autoComplete="off" error={errors.description?.message} {...register('description')} />
      {teams.length > 1 ? (
        <SelectField
          label="Team"
          hint="The team that owns the API: its owners and developers manage scopes and decide who gets them."
          value={teamId}
          onChange={(event) => setTeamId(event.target.value)}
          options={teams.map((t) => ({ value: t.id, label: t.personal ? `${t.name} (personal)` : t.name }))}
        />
      ) : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField label="Access token format" options={TOKEN_FORMAT_OPTIONS} error={errors.tokenFormat?.message} {...register('tokenFormat')} />
        <SelectField label="Access token lifetime" options={ttlOptions(3600)} error={errors.accessTokenTtl?.message} {...register('accessTokenTtl', { setValueAs: Number })} />
      </div>
      <div className="flex flex-col-reverse gap-3 border-t border-zinc-200 pt-6 sm:flex-row sm:justify-end">
        <Link href="/developers/apis" className="inline-flex items-center justify-center rounded-md px-4 py-2.5 text-sm font-semibold text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus">
          Cancel
        </Link>
        <Button type="submit" fullWidth={false} disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
          Create API
        </Button>
      </div>
    </form>
  );
}
