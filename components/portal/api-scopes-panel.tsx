'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/input';
import type { ApiScopeSummary } from '@/lib/portal/api-resource-types';
import { addApiScopeSchema, apiScopeDescriptionField, type AddApiScopeInput } from '@/lib/validation/api-resource';
import { UNREACHABLE, type ActionResult } from './action-result';
import { applyFieldErrors } from './apply-field-errors';
import { Section } from './page-header';

type AddAction = (resourceId: string, input: AddApiScopeInput) => Promise<ActionResult>;
type UpdateAction = (resourceId: string, name: string, description: string) => Promise<ActionResult>;
type RemoveAction = (resourceId: string, name: string) => Promise<ActionResult>;

/**
 * The Scopes tab: add (names unique across every API, checked by the server), reword, remove
 * (after a confirmation: apps lose the scope). Viewers see the list only.
 */
export function ApiScopesPanel({ resourceId, scopes, canEdit, add, update, remove }: {
  resourceId: string; scopes: readonly ApiScopeSummary[]; canEdit: boolean; add: AddAction; update: UpdateAction; remove: RemoveAction;
}) {
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<ApiScopeSummary | null>(null);
  const [busy, setBusy] = useState(false);

  async function onRemove() {
    if (!removing) return;
    setBusy(true);
    const result = await remove(resourceId, removing.name).catch(() => UNREACHABLE);
    setBusy(false);
    setRemoving(null);
    setError(result.ok ? null : result.error);
  }

  return (
    <div className="space-y-6">
      {canEdit ? <AddScopeForm resourceId={resourceId} add={add} /> : null}
      <Section id="scopes" title="Scopes" description="What apps may ask for. Names are unique across all APIs, so no other team can define or reword yours.">
        {error ? <div className="mb-4"><Alert tone="error">{error}</Alert></div> : null}
        {scopes.length ? (
          <ul className="divide-y divide-zinc-200" aria-label="Scopes">
            {scopes.map((scope) => (
              <li key={scope.name} className="py-3 first:pt-0 last:pb-0" data-testid="scope-row">
                {editing === scope.name ? (
                  <EditScopeForm
                    scope={scope}
                    onCancel={() => setEditing(null)}
                    onSave={async (description) => {
                      const result = await update(resourceId, scope.name, description).catch(() => UNREACHABLE);
                      if (result.ok) setEditing(null);
                      return result;
                    }}
                  />
                ) : (
                  <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
                    <div className="min-w-0 flex-1 space-y-0.5">
                      <code className="font-mono text-sm font-medium break-all text-zinc-900">{scope.name}</code>
                      <p className="text-sm wrap-break-word text-zinc-700">{scope.description}</p>
                    </div>
                    {canEdit ? (
                      <div className="flex shrink-0 gap-2">
                        <Button variant="secondary" size="sm" fullWidth={false} onClick={() => setEditing(scope.name)} aria-label={`Edit ${scope.name}`}>
                          Edit
                        </Button>
                        <Button variant="ghost" size="sm" fullWidth={false} onClick={() => setRemoving(scope)} aria-label={`Remove ${scope.name}`}>
                          Remove
                        </Button>
                      </div>
                    ) : null}
                  </div>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-zinc-700">No scopes yet. Apps ask for scopes, so add at least one{canEdit ? ' above' : ''}.</p>
        )}
      </Section>
      <Dialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={`Remove ${removing?.name ?? 'this scope'}?`}
        description="It is taken out of every app’s request and approval at once. Tokens already issued keep it until they expire."
      >
        <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" fullWidth={false} onClick={() => setRemoving(null)} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" fullWidth={false} onClick={onRemove} disabled={busy} aria-busy={busy}>
            Remove scope
          </Button>
        </div>
      </Dialog>
    </div>
  );
}

function AddScopeForm({ resourceId, add }: { resourceId: string; add: AddAction }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<AddApiScopeInput>({
    resolver: zodResolver(addApiScopeSchema),
    mode: 'onTouched',
    defaultValues: { name: '', description: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setAdded(null);
    const result = await add(resourceId, values).catch(() => UNREACHABLE);
    if (result.ok) {
      setAdded(values.name);
      return reset({ name: '', description: '' });
    }
    const unplaced = applyFieldErrors(result.fieldErrors, setError, ['name', 'description']);
    setFormError(unplaced.length || !result.fieldErrors ? [result.error, ...unplaced].join(' ') : null);
  });

  return (
    <Section id="add-scope" title="Add a scope" description="A short name apps ask for (such as invoices:read), and what it allows, in plain words.">
      <form onSubmit={onSubmit} noValidate aria-label="Add a scope" className="space-y-4">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {added ? <Alert tone="success">Added {added}.</Alert> : null}
        <div className="grid gap-4 md:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_auto] md:items-start">
          <TextField label="Scope name" placeholder="invoices:read" autoCapitalize="none" autoComplete="off" spellCheck={false} className="font-mono" error={formState.errors.name?.message} {...register('name')} />
          <TextField label="Description" placeholder="Read your invoices" autoComplete="off" error={formState.errors.description?.message} {...register('description')} />
          <div className="md:pt-7">
            <Button type="submit" fullWidth={false} className="w-full md:w-auto" disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
              Add scope
            </Button>
          </div>
        </div>
      </form>
    </Section>
  );
}

function EditScopeForm({ scope, onSave, onCancel }: { scope: ApiScopeSummary; onSave: (description: string) => Promise<ActionResult>; onCancel: () => void }) {
  const [description, setDescription] = useState(scope.description);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = apiScopeDescriptionField.safeParse(description);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setBusy(true);
    const result = await onSave(parsed.data);
    setBusy(false);
    if (!result.ok) setError(result.fieldErrors?.description ?? result.error);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Edit ${scope.name}`} className="space-y-3">
      <code className="font-mono text-sm font-medium break-all text-zinc-900">{scope.name}</code>
      <TextField label={`Description of ${scope.name}`} autoComplete="off" autoFocus value={description} onChange={(e) => { setDescription(e.target.value); setError(undefined); }} error={error} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" fullWidth={false} disabled={busy} aria-busy={busy}>
          Save
        </Button>
        <Button variant="secondary" size="sm" fullWidth={false} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
