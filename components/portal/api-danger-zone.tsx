'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { UNREACHABLE, type ActionResult } from './action-result';
import { ConfirmDeleteDialog } from './confirm-delete-dialog';
import { DangerRow, DangerSection } from './danger-section';

type DeleteApi = (resourceId: string, confirmName: string) => Promise<ActionResult>;

/** Delete an API (owners, after typing its name); others are told who can. */
export function ApiDangerZone({ api, canDelete, deleteApi }: { api: { id: string; name: string }; canDelete: boolean; deleteApi: DeleteApi }) {
  const [open, setOpen] = useState(false);

  async function confirmDelete(confirmName: string) {
    const result = await deleteApi(api.id, confirmName).catch(() => UNREACHABLE);
    // On success the action redirects to the API list; only failures come back here.
    return result && !result.ok ? (result.fieldErrors?.confirmName ?? result.error) : undefined;
  }

  return (
    <DangerSection>
      <DangerRow
        title="Delete this API"
        description={
          canDelete
            ? 'Removes the API, its scopes and every app’s approval: apps can no longer get tokens for it. This cannot be undone.'
            : 'Only team owners can delete APIs.'
        }
        action={
          canDelete ? (
            <Button variant="danger" fullWidth={false} className="shrink-0" onClick={() => setOpen(true)}>
              Delete API
            </Button>
          ) : null
        }
      />
      <ConfirmDeleteDialog
        open={open}
        onClose={() => setOpen(false)}
        name={api.name}
        noun="API"
        consequences="Its scopes and every approval go with it."
        onConfirm={confirmDelete}
      />
    </DangerSection>
  );
}
