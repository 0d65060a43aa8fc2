'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { UNREACHABLE, type ActionResult } from './action-result';
import { ConfirmDeleteDialog } from './confirm-delete-dialog';
import { DangerRow, DangerSection } from './danger-section';

type SetDisabled = (clientId: string, disabled: boolean) => Promise<ActionResult>;
type DeleteApp = (clientId: string, confirmName: string) => Promise<ActionResult>;

/** Disable / enable (owners and developers) and delete (owners, after typing the app's name). */
export function DangerZone({ app, canDelete, setDisabled, deleteApp }: { app: { id: string; name: string; disabled: boolean }; canDelete: boolean; setDisabled: SetDisabled; deleteApp: DeleteApp }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);

  async function toggle() {
    setBusy(true);
    setError(null);
    const result = await setDisabled(app.id, !app.disabled).catch(() => UNREACHABLE);
    setBusy(false);
    if (!result.ok) setError(result.error);
  }

  async function confirmDelete(confirmName: string) {
    const result = await deleteApp(app.id, confirmName).catch(() => UNREACHABLE);
    // On success the action redirects to the dashboard; only failures come back here.
    return result && !result.ok ? (result.fieldErrors?.confirmName ?? result.error) : undefined;
  }

  return (
    <DangerSection>
      {error ? (
        <div className="px-5 pt-5 sm:px-6">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <div className="divide-y divide-zinc-200">
        <DangerRow
          title={app.disabled ? 'Enable this app' : 'Disable this app'}
          description={
            app.disabled
              ? 'The app can sign users in and get tokens again.'
              : 'Portico refuses the app’s sign-ins and token requests until you enable it again. Tokens already issued keep working until they expire.'
          }
          action={
            <Button variant="secondary" fullWidth={false} className="shrink-0" onClick={toggle} disabled={busy} aria-busy={busy}>
              {app.disabled ? 'Enable app' : 'Disable app'}
            </Button>
          }
        />
        <DangerRow
          title="Delete this app"
          description={canDelete ? 'Removes the app and its secrets and revokes every token it was given. This cannot be undone.' : 'Only team owners can delete apps.'}
          action={
            canDelete ? (
              <Button variant="danger" fullWidth={false} className="shrink-0" onClick={() => setDeleting(true)}>
                Delete app
              </Button>
            ) : null
          }
        />
      </div>

      <ConfirmDeleteDialog
        open={deleting}
        onClose={() => setDeleting(false)}
        name={app.name}
        noun="app"
        consequences="Users can no longer sign in to it, every access and refresh token it holds stops working, and its client ID is gone for good."
        onConfirm={confirmDelete}
      />
    </DangerSection>
  );
}
