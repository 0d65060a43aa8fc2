'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';
import { SelectField } from '@/components/ui/select';
import type { ClientKind } from '@/lib/oidc/redirect-uri';
import type { TeamSummary } from '@/lib/portal/types';
import { createClientSchema, type CreateClientInput, type CreateClientValues } from '@/lib/validation/client';
import { UNREACHABLE, type ActionResult } from './action-result';
import { appKind } from './app-kinds';
import { applyFieldErrors } from './apply-field-errors';
import { CredentialsReveal } from './credentials-reveal';
import { UriListField } from './uri-list-field';

type CreatedApp = { id: string; name: string; clientSecret: string | null };
type CreateAction = (teamId: string, input: CreateClientInput) => Promise<ActionResult<CreatedApp>>;

/**
 * Step 2 of "Create app": the name and, for browser-based apps, the redirect URIs. The shared
 * createClientSchema checks every field as it changes and again on submit; the server action
 * checks it once more. On success the credentials are shown, once.
 */
export function CreateAppForm({
  type,
  teams,
  defaultTeamId,
  backHref,
  header,
  action,
}: {
  type: ClientKind;
  teams: readonly TeamSummary[];
  defaultTeamId: string;
  backHref: string;
  /** Shown above the form, and replaced with the rest by the credentials once the app exists. */
  header: ReactNode;
  action: CreateAction;
}) {
  const kind = appKind(type);
  const [teamId, setTeamId] = useState(defaultTeamId);
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedApp | null>(null);
  const { register, control, setValue, trigger, setError, handleSubmit, formState } = useForm<CreateClientInput, unknown, CreateClientValues>({
    resolver: zodResolver(createClientSchema),
    mode: 'onChange',
    defaultValues: { name: '', type, redirectUris: type === 'service' ? [] : [''], postLogoutRedirectUris: [] },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await action(teamId, { name: values.name, type, redirectUris: values.redirectUris }).catch(() => UNREACHABLE);
    if (result.ok) {
      setCreated(result.data);
      return;
    }
    const unplaced = applyFieldErrors(result.fieldErrors, setError, ['name', 'redirectUris']);
    setFormError(unplaced.length || !result.fieldErrors ? [result.error, ...unplaced].join(' ') : null);
  });

  if (created) return <CredentialsReveal app={created} />;

  return (
    <div className="mx-auto max-w-2xl space-y-8">
    {header}
    <form onSubmit={onSubmit} noValidate className="space-y-6 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-8">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        label="App name"
        hint="Users see this name when they sign in and on the consent screen."
        autoComplete="off"
        autoFocus
        error={formState.errors.name?.message}
        {...register('name')}
      />
      {teams.length > 1 ? (
        <SelectField
          label="Team"
          hint="The team that owns the app: its members can see it, developers and owners can change it."
          value={teamId}
          onChange={(event) => setTeamId(event.target.value)}
          options={teams.map((t) => ({ value: t.id, label: t.personal ? `${t.name} (personal)` : t.name }))}
        />
      ) : null}
      {type === 'service' ? (
        <p className="rounded-md border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm text-zinc-700">
          Services get tokens with the client credentials grant, so they need no redirect URIs. You get the client secret on
          the next screen.
        </p>
      ) : (
        <UriListField
          control={control}
          setValue={setValue}
          trigger={trigger}
          name="redirectUris"
          label="Redirect URIs"
          itemLabel="redirect URI"
          hint={`Where Portico sends users back after they sign in; matched exactly. ${kind.redirectHint ?? ''}`}
          placeholder={kind.redirectExample ?? undefined}
        />
      )}
      <div className="flex flex-col-reverse gap-3 border-t border-zinc-200 pt-6 sm:flex-row sm:justify-end">
        <Link href={backHref} className="inline-flex items-center justify-center rounded-md px-4 py-2.5 text-sm font-semibold text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus">
          Back
        </Link>
        <Button type="submit" fullWidth={false} disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
          Create app
        </Button>
      </div>
    </form>
    </div>
  );
}
