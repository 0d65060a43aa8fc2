'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { TextField } from '@/components/ui/input';
import { SecretValue, StoreItNow } from '@/components/ui/secret-reveal';
import { SelectField } from '@/components/ui/select';
import type { PatScope } from '@/lib/portal/types';
import { ADMIN_PAT_SCOPES, createPersonalAccessTokenSchema, PAT_SCOPES, type CreatePersonalAccessTokenInput } from '@/lib/validation/personal-access-token';
import { UNREACHABLE, type ActionResult } from './action-result';
import { applyFieldErrors } from './apply-field-errors';

type CreateAction = (input: CreatePersonalAccessTokenInput) => Promise<ActionResult<{ name: string; secret: string }>>;
type Values = { name: string; scopes: PatScope[]; expiresInDays: number };

const SCOPE_HINTS: Record<string, string> = {
  'clients:read': 'List and read your teams’ apps (GET requests).',
  'clients:write': 'Create, change and delete apps and rotate their secrets.',
  'resources:read': 'List and read your teams’ APIs, their scopes and access requests.',
  'resources:write': 'Create, change and delete APIs and their scopes, decide access requests, choose resource servers.',
  'admin:read': 'Operators: read groups and who may sign in to each app.',
  'admin:write': 'Operators: manage groups and who may sign in to each app.',
};
const EXPIRY = [7, 30, 90, 180, 365].map((d) => ({ value: String(d), label: `${d} days` }));

/** New personal access token: name, scopes (admin:* only for operators), lifetime; the token is shown once. */
export function CreateTokenForm({ action, operator = false }: { action: CreateAction; operator?: boolean }) {
  const scopes = operator ? PAT_SCOPES : PAT_SCOPES.filter((scope) => !ADMIN_PAT_SCOPES.includes(scope));
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<CreatePersonalAccessTokenInput, unknown, Values>({
    resolver: zodResolver(createPersonalAccessTokenSchema),
    defaultValues: { name: '', scopes: ['clients:read'], expiresInDays: 30 },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await action(values).catch(() => UNREACHABLE);
    if (result.ok) {
      setCreated(result.data);
      reset();
      return;
    }
    const unplaced = applyFieldErrors(result.fieldErrors, setError, ['name', 'scopes', 'expiresInDays']);
    setFormError(unplaced.length || !result.fieldErrors ? [result.error, ...unplaced].join(' ') : null);
  });

  return (
    <div className="space-y-6">
      {created ? (
        <section aria-labelledby="new-token-heading" className="space-y-4 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6">
          <h2 id="new-token-heading" className="text-base font-semibold text-zinc-900">
            Your new token “{created.name}”
          </h2>
          <StoreItNow what="token" />
          <SecretValue label="Personal access token" value={created.secret} testId="new-token" />
          <div className="flex justify-end">
            <Button variant="secondary" size="sm" fullWidth={false} onClick={() => setCreated(null)}>
              I have stored it — hide the token
            </Button>
          </div>
        </section>
      ) : null}

      <form onSubmit={onSubmit} noValidate aria-labelledby="create-token-heading" className="space-y-5 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6">
        <div className="space-y-1">
          <h2 id="create-token-heading" className="text-base font-semibold text-zinc-900">
            Create a token
          </h2>
          <p className="text-sm text-zinc-600">A token acts as you, with your role in each team, limited to the scopes you pick.</p>
        </div>
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <div className="grid gap-5 md:grid-cols-[minmax(0,1fr)_12rem]">
          <TextField label="Name" placeholder="CI deploy" autoComplete="off" error={formState.errors.name?.message} {...register('name')} />
          <SelectField label="Expires after" options={EXPIRY} error={formState.errors.expiresInDays?.message} {...register('expiresInDays', { setValueAs: Number })} />
        </div>
        <fieldset className="space-y-3" aria-describedby={formState.errors.scopes?.message ? 'token-scopes-error' : undefined}>
          <legend className="text-sm font-medium text-zinc-800">Scopes</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {scopes.map((scope) => (
              <CheckboxField key={scope} label={scope} value={scope} hint={SCOPE_HINTS[scope]} {...register('scopes')} />
            ))}
          </div>
          {formState.errors.scopes?.message ? (
            <p id="token-scopes-error" className="text-sm text-red-700">
              {formState.errors.scopes.message}
            </p>
          ) : null}
        </fieldset>
        <div className="flex justify-end border-t border-zinc-200 pt-5">
          <Button type="submit" fullWidth={false} disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
            Create token
          </Button>
        </div>
      </form>
    </div>
  );
}
