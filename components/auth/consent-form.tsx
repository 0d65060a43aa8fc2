'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useHardRedirect, type InteractionAction, type InteractionActionState } from './interaction-action';
import { NoScriptContinue } from './no-script-continue';

const initialState: InteractionActionState = {};

/** Allow / Deny for one authorization request; both buttons lock on the first click. */
export function ConsentForm({ action, interactionId }: { action: InteractionAction; interactionId: string }) {
  const [state, formAction, pending] = useActionState(action, initialState);
  useHardRedirect(state.redirectTo);
  const busy = pending || Boolean(state.redirectTo);
  return (
    <form action={formAction} className="space-y-3">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <input type="hidden" name="interaction" value={interactionId} />
      <div className="flex flex-col-reverse gap-3 sm:flex-row">
        <Button type="submit" name="decision" value="deny" variant="secondary" disabled={busy}>
          Deny
        </Button>
        <Button type="submit" name="decision" value="allow" disabled={busy} aria-busy={busy}>
          Allow
        </Button>
      </div>
      <NoScriptContinue href={state.redirectTo} />
    </form>
  );
}
