'use client';

import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/input';

/**
 * "Type its name to delete it": the button stays disabled until the name matches. `onConfirm`
 * answers an error to show under the field, or nothing (it redirects away on success).
 */
export function ConfirmDeleteDialog({
  open,
  onClose,
  name,
  noun,
  consequences,
  onConfirm,
}: {
  open: boolean;
  onClose: () => void;
  name: string;
  /** What is deleted, as the field label and button say it: "app", "API". */
  noun: string;
  /** What goes with it, said before the instruction to type the name. */
  consequences: ReactNode;
  onConfirm: (confirmName: string) => Promise<string | undefined>;
}) {
  const [confirmName, setConfirmName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const matches = confirmName.trim() === name.trim();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!matches) return setError(`Type ${name} to confirm.`);
    setBusy(true);
    const problem = await onConfirm(confirmName);
    setBusy(false);
    setError(problem);
  }

  function close() {
    setConfirmName('');
    setError(undefined);
    onClose();
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Delete ${name}?`}
      description={
        <>
          {consequences} To confirm, type <strong className="font-semibold text-zinc-900">{name}</strong> below.
        </>
      }
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField
          label={`${noun.charAt(0).toUpperCase()}${noun.slice(1)} name`}
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
            Delete this {noun}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
