'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useHardRedirect, type InteractionAction, type InteractionActionState } from './interaction-action';
import { NoScriptContinue } from './no-script-continue';

const initialState: InteractionActionState = {};

/** prompt=select_account: one click to continue as the account that is already signed in. */
export function ContinueAsForm({
  action,
  interactionId,
  email,
}: {
  action: InteractionAction;
  interactionId: string;
  email: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialState);
  useHardRedirect(state.redirectTo);
  const busy = pending || Boolean(state.redirectTo);
  return (
    <form action={formAction} className="space-y-3">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <input type="hidden" name="interaction" value={interactionId} />
      <Button type="submit" disabled={busy} aria-busy={busy}>
        {`Continue as ${email}`}
      </Button>
      <NoScriptContinue href={state.redirectTo} />
    </form>
  );
}
