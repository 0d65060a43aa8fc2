'use client';

import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { UNREACHABLE, type ActionResult } from '@/components/portal/action-result';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

/**
 * A console action that asks first: the button opens a dialog saying what will happen; confirming
 * runs the server action, then the page refreshes (or goes to `then`). A failure stays in the
 * dialog, in words that say what to do.
 */
export function ConfirmButton({
  label,
  title,
  description,
  confirmLabel,
  action,
  tone = 'secondary',
  then,
  accessibleLabel,
}: {
  label: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  action: () => Promise<ActionResult<unknown>>;
  tone?: 'secondary' | 'danger' | 'primary';
  /** Where to go once done; by default the page refreshes in place. */
  then?: string;
  accessibleLabel?: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    const result = await action().catch(() => UNREACHABLE);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setOpen(false);
    if (then) router.push(then);
    else router.refresh();
  }

  return (
    <>
      <Button variant={tone === 'danger' ? 'danger' : tone} size="sm" fullWidth={false} className="shrink-0" onClick={() => setOpen(true)} aria-label={accessibleLabel}>
        {label}
      </Button>
      <Dialog
        open={open}
        onClose={() => {
          setOpen(false);
          setError(null);
        }}
        title={title}
        description={description}
      >
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" fullWidth={false} onClick={() => setOpen(false)} data-autofocus>
            Cancel
          </Button>
          <Button variant={tone === 'danger' ? 'danger' : 'primary'} fullWidth={false} onClick={confirm} disabled={busy} aria-busy={busy}>
            {confirmLabel}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
