'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { UNREACHABLE, type ActionResult } from './action-result';

/** Accepting is a deliberate click (a POST), so a link preview or crawler can never use the invitation up. */
export function AcceptInvitationForm({ token, action }: { token: string; action: (token: string) => Promise<ActionResult> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        const result = await action(token).catch(() => UNREACHABLE);
        // Success redirects to the dashboard; only failures come back.
        if (result && !result.ok) setError(result.error);
        setBusy(false);
      }}
    >
      {error ? <Alert tone="error" title="The invitation could not be accepted">{error}</Alert> : null}
      <Button type="submit" disabled={busy} aria-busy={busy}>
        Accept invitation
      </Button>
    </form>
  );
}
