'use client';

import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/input';
import { UNREACHABLE, type ActionResult } from './action-result';

type SetDisabled = (clientId: string, disabled: boolean) => Promise<ActionResult>;
type DeleteApp = (clientId: string, confirmName: string) => Promise<ActionResult>;

const row = 'flex flex-col gap-4 px-5 py-5 sm:flex-row sm:items-center sm:justify-between sm:px-6';

/** Disable / enable (owners and developers) and delete (owners, after typing the app's name). */
export function DangerZone({ app, canDelete, setDisabled, deleteApp }: { app: { id: string; name: string; disabled: boolean }; canDelete: boolean; setDisabled: SetDisabled; deleteApp: DeleteApp }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [confirmName, setConfirmName] = useState('');
  const [confirmError, setConfirmError] = useState<string | undefined>();
  const headingId = useId();
  const matches = confirmName.trim() === app.name.trim();

  async function toggle() {
    setBusy(true);
    setError(null);
    const result = await setDisabled(app.id, !app.disabled).catch(() => UNREACHABLE);
    setBusy(false);
    if (!result.ok) setError(result.error);
  }

  async function onDelete(event: React.FormEvent) {
    event.preventDefault();
    if (!matches) return setConfirmError(`Type ${app.name} to confirm.`);
    setBusy(true);
    const result = await deleteApp(app.id, confirmName).catch(() => UNREACHABLE);
    // On success the action redirects to the dashboard; only failures come back here.
    setBusy(false);
    if (result && !result.ok) setConfirmError(result.fieldErrors?.confirmName ?? result.error);
  }

  function close() {
    setDeleting(false);
    setConfirmName('');
    setConfirmError(undefined);
  }

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-red-200 bg-white shadow-sm">
      <h2 id={headingId} className="border-b border-red-200 px-5 py-4 text-base font-semibold text-red-800 sm:px-6">
        Danger zone
      </h2>
      {error ? (
        <div className="px-5 pt-5 sm:px-6">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <div className="divide-y divide-zinc-200">
        <div className={row}>
          <div className="space-y-1">
            <h3 className="text-sm font-semibold text-zinc-900">{app.disabled ? 'Enable this app' : 'Disable this app'}</h3>
            <p className="text-sm text-zinc-600">
              {app.disabled
                ? 'The app can sign users in and get tokens again.'
                : 'Portico refuses the app’s sign-ins and token requests until you enable it again. Tokens already issued keep working until they expire.'}
            </p>
          </div>
          <Button variant="secondary" fullWidth={false} className="shrink-0" onClick={toggle} disabled={busy} aria-busy={busy}>
            {app.disabled ? 'Enable app' : 'Disable app'}
          </Button>
        </div>
        <div className={row}>
          <div className="space-y-1">
            <h3 className="text-sm font-semibold text-zinc-900">Delete this app</h3>
            <p className="text-sm text-zinc-600">
              {canDelete
                ? 'Removes the app and its secrets and revokes every token it was given. This cannot be undone.'
                : 'Only team owners can delete apps.'}
            </p>
          </div>
          {canDelete ? (
            <Button variant="danger" fullWidth={false} className="shrink-0" onClick={() => setDeleting(true)}>
              Delete app
            </Button>
          ) : null}
        </div>
      </div>

      <Dialog
        open={deleting}
        onClose={close}
        title={`Delete ${app.name}?`}
        description={
          <>
            Users can no longer sign in to it, every access and refresh token it holds stops working, and its client ID is gone for good.
            To confirm, type <strong className="font-semibold text-zinc-900">{app.name}</strong> below.
          </>
        }
      >
        <form onSubmit={onDelete} noValidate className="space-y-4">
          <TextField
            label="App name"
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            value={confirmName}
            onChange={(event) => {
              setConfirmName(event.target.value);
              setConfirmError(undefined);
            }}
            error={confirmError}
          />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" fullWidth={false} onClick={close}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" fullWidth={false} disabled={!matches || busy} aria-busy={busy}>
              Delete this app
            </Button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
