'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { CheckboxField } from '@/components/ui/checkbox';
import { TextField } from '@/components/ui/input';
import { SelectField } from '@/components/ui/select';
import type { ApiResourceDetail } from '@/lib/portal/api-resource-types';
import { updateApiResourceSchema, type UpdateApiResourceInput, type UpdateApiResourceValues } from '@/lib/validation/api-resource';
import { UNREACHABLE, type ActionResult } from './action-result';
import { TOKEN_FORMAT_OPTIONS, ttlOptions } from './api-options';
import { applyFieldErrors } from './apply-field-errors';
import { Section } from './page-header';

type SaveAction = (resourceId: string, patch: UpdateApiResourceInput) => Promise<ActionResult<ApiResourceDetail>>;
const valuesOf = (api: ApiResourceDetail): UpdateApiResourceInput => ({
  name: api.name,
  description: api.description ?? '',
  tokenFormat: api.tokenFormat,
  accessTokenTtl: api.accessTokenTtl,
  openAccess: api.openAccess,
});

/** The Settings tab: the identifier read-only (with a copy button), and what may change. Viewers see it read-only. */
export function ApiSettingsForm({ api, action }: { api: ApiResourceDetail; action: SaveAction }) {
  const readOnly = api.role === 'viewer';
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<UpdateApiResourceInput, unknown, UpdateApiResourceValues>({
    resolver: zodResolver(updateApiResourceSchema),
    mode: 'onTouched',
    defaultValues: valuesOf(api),
  });
  const errors = formState.errors;

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await action(api.id, values).catch(() => UNREACHABLE);
    if (result.ok) {
      reset(valuesOf(result.data));
      return setStatus({ tone: 'success', message: 'Changes saved. New tokens for this API use them within a few seconds.' });
    }
    const unplaced = applyFieldErrors(result.fieldErrors, setError, ['name', 'description', 'tokenFormat', 'accessTokenTtl', 'openAccess']);
    setStatus({ tone: 'error', message: [result.error, ...unplaced].join(' ') });
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="API settings" className="space-y-6">
      {readOnly ? <Alert title="You have viewer access">You can see this API’s settings; team owners and developers can change them.</Alert> : null}
      <Section id="identifier" title="Identifier" description="Apps send it as the resource parameter; it is the audience (aud) of this API’s tokens. It never changes.">
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <code aria-label="Identifier" className="min-w-0 flex-1 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-sm break-all text-zinc-900" data-testid="api-identifier">
            {api.identifier}
          </code>
          <CopyButton value={api.identifier} label="Copy identifier" className="shrink-0" />
        </div>
      </Section>
      <fieldset disabled={readOnly} className="space-y-6">
        <Section id="basics" title="Basic information" description="Shown to developers asking for access, and to users on the consent screen.">
          <div className="grid gap-5">
            <TextField label="Name" autoComplete="off" error={errors.name?.message} {...register('name')} />
            <TextField label="Description" hint="Optional. What the API does, in a sentence." autoComplete="off" error={errors.description?.message} {...register('description')} />
          </div>
        </Section>
        <Section id="access" title="Who may ask" description="Which apps may request this API’s scopes.">
          <CheckboxField
            label="Open to any app"
            hint="Apps you have not approved, such as AI agents (MCP clients) that register themselves, may ask for these scopes; each user decides on the consent screen. Off: only apps whose access you approve."
            {...register('openAccess')}
          />
        </Section>
        <Section id="tokens" title="Access tokens" description="Applies to tokens issued from now on; tokens already issued keep their format and expiry.">
          <div className="grid gap-5 sm:grid-cols-2">
            <SelectField label="Access token format" options={TOKEN_FORMAT_OPTIONS} error={errors.tokenFormat?.message} {...register('tokenFormat')} />
            <SelectField label="Access token lifetime" options={ttlOptions(api.accessTokenTtl)} error={errors.accessTokenTtl?.message} {...register('accessTokenTtl', { setValueAs: Number })} />
          </div>
        </Section>
      </fieldset>
      {readOnly ? null : (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <div aria-live="polite" className="min-h-5 text-sm">
            {status?.tone === 'success' ? <span className="text-green-800">{status.message}</span> : null}
            {status?.tone === 'error' ? <span className="text-red-700">{status.message}</span> : null}
            {!status && formState.isDirty ? <span className="text-zinc-700">You have unsaved changes.</span> : null}
          </div>
          <Button type="submit" fullWidth={false} disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
            Save changes
          </Button>
        </div>
      )}
    </form>
  );
}
