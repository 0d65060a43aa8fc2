'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/input';
import { UNREACHABLE, type ActionResult } from './action-result';

type DeleteApi = (resourceId: string, confirmName: string) => Promise<ActionResult>;

/** Delete an API (owners, after typing its name); others are told who can. */
export function ApiDangerZone({ api, canDelete, deleteApi }: { api: { id: string; name: string }; canDelete: boolean; deleteApi: DeleteApi }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirmName, setConfirmName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const headingId = useId();
  const matches = confirmName.trim() === api.name.trim();

  async function onDelete(event: React.FormEvent) {
    event.preventDefault();
    if (!matches) return setError(`Type ${api.name} to confirm.`);
    setBusy(true);
    const result = await deleteApi(api.id, confirmName).catch(() => UNREACHABLE);
    // On success the action redirects to the API list; only failures come back here.
    setBusy(false);
    if (result && !result.ok) setError(result.fieldErrors?.confirmName ?? result.error);
  }

  function close() {
    setOpen(false);
    setConfirmName('');
    setError(undefined);
  }

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-red-200 bg-white shadow-sm">
      <h2 id={headingId} className="border-b border-red-200 px-5 py-4 text-base font-semibold text-red-800 sm:px-6">
        Danger zone
      </h2>
      <div className="flex flex-col gap-4 px-5 py-5 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <div className="space-y-1">
          <h3 className="text-sm font-semibold text-zinc-900">Delete this API</h3>
          <p className="text-sm text-zinc-600">
            {canDelete
              ? 'Removes the API, its scopes and every app’s approval: apps can no longer get tokens for it. This cannot be undone.'
              : 'Only team owners can delete APIs.'}
          </p>
        </div>
        {canDelete ? (
          <Button variant="danger" fullWidth={false} className="shrink-0" onClick={() => setOpen(true)}>
            Delete API
          </Button>
        ) : null}
      </div>
      <Dialog
        open={open}
        onClose={close}
        title={`Delete ${api.name}?`}
        description={
          <>
            Its scopes and every approval go with it. To confirm, type <strong className="font-semibold text-zinc-900">{api.name}</strong> below.
          </>
        }
      >
        <form onSubmit={onDelete} noValidate className="space-y-4">
          <TextField
            label="API name"
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            value={confirmName}
            onChange={(event) => {
              setConfirmName(event.target.value);
              setError(undefined);
            }}
            error={error}
          />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" fullWidth={false} onClick={close}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" fullWidth={false} disabled={!matches || busy} aria-busy={busy}>
              Delete this API
            </Button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
