'use client';

import { useState } from 'react';
import { UNREACHABLE, type ActionResult } from '@/components/portal/action-result';
import { ConfirmDeleteDialog } from '@/components/portal/confirm-delete-dialog';
import { Button } from '@/components/ui/button';

/**
 * A console "Delete …" button: the operator types `name` (a group's name, an account's email) to
 * confirm. On success the action redirects to the list; only failures come back here.
 */
export function DeleteButton({ label, noun, name, consequences, action }: {
  label: string;
  noun: string;
  name: string;
  consequences: string;
  action: (confirmName: string) => Promise<ActionResult>;
}) {
  const [open, setOpen] = useState(false);
  async function confirm(typed: string) {
    const result = await action(typed).catch(() => UNREACHABLE);
    return result && !result.ok ? (result.fieldErrors?.confirmName ?? result.error) : undefined;
  }
  return (
    <>
      <Button variant="danger" size="sm" fullWidth={false} className="shrink-0" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <ConfirmDeleteDialog open={open} onClose={() => setOpen(false)} name={name} noun={noun} consequences={consequences} onConfirm={confirm} />
    </>
  );
}
