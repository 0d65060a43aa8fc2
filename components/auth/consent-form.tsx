'use client';

import { useActionState, useId } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useHardRedirect, type InteractionAction, type InteractionActionState } from './interaction-action';
import { NoScriptContinue } from './no-script-continue';

const initialState: InteractionActionState = {};

/** `group` 'api': the app's own API scopes, listed after the standard ones under their own heading. */
export type ConsentScope = { name: string; description: string; required: boolean; group: string };

/**
 * The requested permissions, one checkbox each, and Allow / Deny for one authorization request.
 * Required scopes (openid) are ticked and locked; the optional ones start ticked and may be
 * unticked. Allow posts the ticked names; both buttons lock on the first click. Scopes arrive
 * grouped (describeScopes); the app's own API scopes follow Portico's under a heading of their
 * own, in the same box — a heading, not a list item, so each scope stays exactly one item.
 */
export function ConsentForm({
  action,
  interactionId,
  accountId,
  appName,
  verified,
  scopes,
}: {
  action: InteractionAction;
  interactionId: string;
  /** The account the screen shows; the action refuses if another one is signed in by then. */
  accountId: string;
  appName: string;
  /** Unverified apps already carry an "only continue if you trust" note above the form. */
  verified: boolean;
  scopes: ConsentScope[];
}) {
  const [state, formAction, pending] = useActionState(action, initialState);
  useHardRedirect(state.redirectTo);
  const busy = pending || Boolean(state.redirectTo);
  const headingId = useId();
  const standard = scopes.filter((scope) => scope.group !== 'api');
  const api = scopes.filter((scope) => scope.group === 'api');
  return (
    <form action={formAction} className="space-y-6">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <input type="hidden" name="interaction" value={interactionId} />
      <input type="hidden" name="account" value={accountId} />

      <fieldset className="space-y-3" aria-describedby={`${headingId}-hint`}>
        <legend id={headingId} className="text-sm font-semibold text-zinc-900">
          This will allow {appName} to:
        </legend>
        <p id={`${headingId}-hint`} className="-mt-1 text-xs text-zinc-600">
          Untick anything you would rather not share.
        </p>
        <div className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 text-sm text-zinc-800">
          {standard.length ? <ScopeList scopes={standard} /> : null}
          {api.length ? (
            <>
              <h2 className="bg-zinc-50 px-4 py-2 text-xs font-semibold text-zinc-700 first:rounded-t-lg">Access to {appName}’s API</h2>
              <ScopeList scopes={api} />
            </>
          ) : null}
        </div>
      </fieldset>

      <p className="text-xs text-zinc-600">
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

function ScopeList({ scopes }: { scopes: ConsentScope[] }) {
  return (
    <ul className="divide-y divide-zinc-200">
      {scopes.map((scope) => (
        <ScopeRow key={scope.name} scope={scope} />
      ))}
    </ul>
  );
}

function ScopeRow({ scope }: { scope: ConsentScope }) {
  const id = useId();
  return (
    <li className="flex items-start gap-3 px-4 py-3">
      <input
        id={id}
        type="checkbox"
        name="scope"
        value={scope.name}
        defaultChecked
        disabled={scope.required}
        aria-describedby={scope.required ? `${id}-required` : undefined}
        className="mt-0.5 size-4 shrink-0 rounded border-zinc-400 accent-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
      />
      <label htmlFor={id} className="min-w-0 flex-1 wrap-break-word">
        {scope.description}
      </label>
      {scope.required ? (
        <span id={`${id}-required`} className="shrink-0 rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700">
          Required
        </span>
      ) : null}
    </li>
  );
}
