'use client';

import { useState } from 'react';
import { UNREACHABLE, type ActionResult } from '@/components/portal/action-result';
import { ConfirmDeleteDialog } from '@/components/portal/confirm-delete-dialog';
import { Button } from '@/components/ui/button';

/** "Delete group": the operator types the group's name to confirm; the action goes back to the list. */
export function DeleteGroupButton({ name, action }: { name: string; action: (confirmName: string) => Promise<ActionResult> }) {
  const [open, setOpen] = useState(false);
  async function confirm(typed: string) {
    const result = await action(typed).catch(() => UNREACHABLE);
    return result && !result.ok ? (result.fieldErrors?.confirmName ?? result.error) : undefined;
  }
  return (
    <>
      <Button variant="danger" size="sm" fullWidth={false} className="shrink-0" onClick={() => setOpen(true)}>
        Delete group
      </Button>
      <ConfirmDeleteDialog
        open={open}
        onClose={() => setOpen(false)}
        name={name}
        noun="group"
        consequences="Its members lose the apps they could use only through it, at their next sign-in or token refresh."
        onConfirm={confirm}
      />
    </>
  );
}
