'use client';

import { useActionState, useId } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useHardRedirect, type InteractionAction, type InteractionActionState } from './interaction-action';
import { NoScriptContinue } from './no-script-continue';
import { ScopeGroups, type ConsentApi, type ConsentScope } from './scope-groups';

export type { ConsentScope };

const initialState: InteractionActionState = {};

/**
 * The requested permissions, one checkbox each, and Allow / Deny for one authorization request.
 * Required scopes (openid) are ticked and locked; the optional ones start ticked and may be
 * unticked, except those the user declined for this app before (`declined`), which start
 * unticked. Allow posts the ticked names; both buttons lock on the first click. Scopes arrive
 * grouped (describeScopes) and are shown by ScopeGroups.
 */
export function ConsentForm({
  action,
  interactionId,
  accountId,
  appName,
  verified,
  scopes,
  declined = [],
  apis = [],
}: {
  action: InteractionAction;
  interactionId: string;
  /** The account the screen shows; the action refuses if another one is signed in by then. */
  accountId: string;
  appName: string;
  /** Unverified apps already carry an "only continue if you trust" note above the form. */
  verified: boolean;
  scopes: ConsentScope[];
  /** Optional scopes the user unticked for this app last time: offered again, unticked. */
  declined?: readonly string[];
  /** RFC 8707: the APIs the app asks to use for the user, each listed even when it asks for no scope of it. */
  apis?: ConsentApi[];
}) {
  const [state, formAction, pending] = useActionState(action, initialState);
  useHardRedirect(state.redirectTo);
  const busy = pending || Boolean(state.redirectTo);
  const headingId = useId();
  return (
    <form action={formAction} className="space-y-6">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <input type="hidden" name="interaction" value={interactionId} />
      <input type="hidden" name="account" value={accountId} />

      <fieldset className="space-y-3" aria-describedby={`${headingId}-hint`}>
        <legend id={headingId} className="text-sm font-semibold wrap-anywhere text-zinc-900">
          This will allow {appName} to:
        </legend>
        <p id={`${headingId}-hint`} className="-mt-1 text-xs text-zinc-600">
          Untick anything you would rather not share.
        </p>
        <ScopeGroups scopes={scopes} apis={apis} appName={appName} row={(scope) => <ScopeRow key={scope.name} scope={scope} declined={declined.includes(scope.name)} />} />
      </fieldset>

      <p className="text-xs wrap-anywhere text-zinc-600">
        {verified ? `Only allow access if you trust ${appName}. ` : ''}Choosing Deny sends you back without sharing anything.
      </p>

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

function ScopeRow({ scope, declined }: { scope: ConsentScope; declined: boolean }) {
  const id = useId();
  const unticked = declined && !scope.required;
  return (
    <li className="flex items-start gap-3 px-4 py-3">
      <input
        id={id}
        type="checkbox"
        name="scope"
        value={scope.name}
        defaultChecked={!unticked}
        disabled={scope.required}
        aria-describedby={scope.required ? `${id}-required` : unticked ? `${id}-declined` : undefined}
        className="mt-0.5 size-4 shrink-0 rounded border-zinc-400 accent-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
      />
      <label htmlFor={id} className="min-w-0 flex-1 wrap-break-word">
        {scope.description}
      </label>
      {scope.required ? (
        <span id={`${id}-required`} className="shrink-0 rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700">
          Required
        </span>
      ) : unticked ? (
        <span id={`${id}-declined`} className="shrink-0 rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700">
          Declined before
        </span>
      ) : null}
    </li>
  );
}
