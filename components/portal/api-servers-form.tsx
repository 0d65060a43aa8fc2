'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { UNREACHABLE, type ActionResult } from './action-result';

type SaveAction = (resourceId: string, clientIds: string[]) => Promise<ActionResult>;
export type ServerCandidate = { id: string; name: string; confidential: boolean };

/**
 * The Resource servers tab: which apps of the owning team serve this API and may introspect its
 * tokens. Public clients are shown but cannot be chosen: they have no secret to authenticate with.
 */
export function ApiServersForm({ resourceId, teamName, apps, selected, canEdit, save }: {
  resourceId: string; teamName: string; apps: readonly ServerCandidate[]; selected: readonly string[]; canEdit: boolean; save: SaveAction;
}) {
  const [chosen, setChosen] = useState<string[]>([...selected]);
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    const result = await save(resourceId, chosen).catch(() => UNREACHABLE);
    setBusy(false);
    setStatus(result.ok ? { tone: 'success', message: 'Saved. Portico applies it within a few seconds.' } : { tone: 'error', message: Object.values(result.fieldErrors ?? {})[0] ?? result.error });
  }

  if (apps.length === 0) {
    return <p className="text-sm text-zinc-700">{teamName} has no apps yet. Create a web app or a service for the API’s backend, then choose it here.</p>;
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Resource servers" className="space-y-4">
      <fieldset disabled={!canEdit} className="space-y-3">
        <legend className="text-sm font-medium text-zinc-800">Apps of {teamName} that serve this API</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {apps.map((app) => (
            <CheckboxField
              key={app.id}
              label={app.name}
              className="wrap-break-word"
              hint={app.confidential ? undefined : 'Public client: it has no secret to call the introspection endpoint with.'}
              disabled={!app.confidential}
              checked={chosen.includes(app.id)}
              onChange={(event) => setChosen((list) => (event.target.checked ? [...list, app.id] : list.filter((id) => id !== app.id)))}
            />
          ))}
        </div>
      </fieldset>
      {canEdit ? (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <div aria-live="polite" className="min-h-5 text-sm">
            {status ? <span className={status.tone === 'success' ? 'text-green-800' : 'text-red-700'}>{status.message}</span> : null}
          </div>
          <Button type="submit" fullWidth={false} disabled={busy} aria-busy={busy}>
            Save resource servers
          </Button>
        </div>
      ) : (
        <p className="text-sm text-zinc-600">Only team owners and developers can change this.</p>
      )}
    </form>
  );
}
