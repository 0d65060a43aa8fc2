'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { UNREACHABLE, type ActionResult } from './action-result';
import { ConfirmDeleteDialog } from './confirm-delete-dialog';

type DeleteApi = (resourceId: string, confirmName: string) => Promise<ActionResult>;

/** Delete an API (owners, after typing its name); others are told who can. */
export function ApiDangerZone({ api, canDelete, deleteApi }: { api: { id: string; name: string }; canDelete: boolean; deleteApi: DeleteApi }) {
  const [open, setOpen] = useState(false);
  const headingId = useId();

  async function confirmDelete(confirmName: string) {
    const result = await deleteApi(api.id, confirmName).catch(() => UNREACHABLE);
    // On success the action redirects to the API list; only failures come back here.
    return result && !result.ok ? (result.fieldErrors?.confirmName ?? result.error) : undefined;
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
      <ConfirmDeleteDialog
        open={open}
        onClose={() => setOpen(false)}
        name={api.name}
        noun="API"
        consequences="Its scopes and every approval go with it."
        onConfirm={confirmDelete}
      />
    </section>
  );
}
