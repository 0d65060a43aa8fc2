'use client';

import { useState } from 'react';
import { UNREACHABLE, type ActionResult } from '@/components/portal/action-result';
import { ConfirmDeleteDialog } from '@/components/portal/confirm-delete-dialog';
import { Button } from '@/components/ui/button';

/** "Delete account": the operator types the account's email address to confirm; the action goes back to the list. */
export function DeleteUserButton({ email, action }: { email: string; action: (confirmEmail: string) => Promise<ActionResult> }) {
  const [open, setOpen] = useState(false);
  async function confirm(typed: string) {
    const result = await action(typed).catch(() => UNREACHABLE);
    // On success the action redirects; only failures come back here.
    return result && !result.ok ? (result.fieldErrors?.confirmName ?? result.error) : undefined;
  }
  return (
    <>
      <Button variant="danger" size="sm" fullWidth={false} className="shrink-0" onClick={() => setOpen(true)}>
        Delete account
      </Button>
      <ConfirmDeleteDialog
        open={open}
        onClose={() => setOpen(false)}
        name={email}
        noun="account"
        consequences="The account, its sessions and tokens, its group and team memberships and the teams only it belongs to (with their apps) are removed for good. Apps it used are told."
        onConfirm={confirm}
      />
    </>
  );
}
