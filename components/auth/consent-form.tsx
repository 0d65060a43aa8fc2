'use client';

import { useActionState, useId } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useHardRedirect, type InteractionAction, type InteractionActionState } from './interaction-action';
import { NoScriptContinue } from './no-script-continue';

const initialState: InteractionActionState = {};

type ConsentApi = { identifier: string; name: string; ownerName: string | null };
/**
 * `group` 'api': API scopes, after the standard ones: those of a registered API (`api`) under that
 * API's name and owner, the app's own under a heading of their own.
 */
export type ConsentScope = { name: string; description: string; required: boolean; group: string; api?: ConsentApi };

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
  /** RFC 8707: the APIs the app asks to use for the user, each listed even when it asks for no scope of it. */
  apis?: ConsentApi[];
}) {
  const [state, formAction, pending] = useActionState(action, initialState);
  useHardRedirect(state.redirectTo);
  const busy = pending || Boolean(state.redirectTo);
  const headingId = useId();
  const standard = scopes.filter((scope) => scope.group !== 'api');
  const own = scopes.filter((scope) => scope.group === 'api' && !scope.api);
  const byApi = apis.map((api) => ({ api, scopes: scopes.filter((scope) => scope.api?.identifier === api.identifier) }));
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
          {byApi.map(({ api, scopes: apiScopes }) => (
            <div key={api.identifier}>
              <h2 className="bg-zinc-50 px-4 py-2 text-xs font-semibold text-zinc-700 wrap-break-word first:rounded-t-lg">
                {api.name} <span className="font-normal text-zinc-600">· {api.ownerName ? `run by ${api.ownerName}` : 'run by this site'}</span>
              </h2>
              {apiScopes.length ? (
                <ScopeList scopes={apiScopes} />
              ) : (
                <p className="border-t border-zinc-200 px-4 py-3">Use {api.name} on your behalf</p>
              )}
            </div>
          ))}
          {own.length ? (
            <>
              <h2 className="bg-zinc-50 px-4 py-2 text-xs font-semibold text-zinc-700 first:rounded-t-lg">Access to {appName}’s API</h2>
              <ScopeList scopes={own} />
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
