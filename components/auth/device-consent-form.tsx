'use client';

import { useActionState, useId } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ScopeGroups, type ConsentApi, type ConsentScope } from './scope-groups';

/** What the decision action answers: the decision made, or why not. */
export type DeviceActionState = { done?: 'approved' | 'denied'; error?: string };
export type DeviceAction = (previous: DeviceActionState, formData: FormData) => Promise<DeviceActionState>;

const initialState: DeviceActionState = {};

/**
 * The permissions a device asks for, and Approve / Deny (RFC 8628 §3.3). Unlike the consent
 * screen nothing can be unticked: the device asked for these and gets all of them or nothing.
 * The warning follows RFC 8628 §5.4 (remote phishing): someone may send a user a code of theirs,
 * so the user should only approve a request they started themselves. Once decided, the answer
 * replaces the form: the device, not this browser, carries on.
 */
export function DeviceConsentForm({
  action,
  userCode,
  accountId,
  appName,
  scopes,
  apis,
}: {
  action: DeviceAction;
  userCode: string;
  /** The account the screen shows; the action refuses if another one is signed in by then. */
  accountId: string;
  appName: string;
  scopes: ConsentScope[];
  /** RFC 8707: the APIs the device asks to use. */
  apis: ConsentApi[];
}) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const headingId = useId();
  if (state.done === 'approved') {
    return (
      <Alert tone="success" title="Device connected">
        <span className="wrap-anywhere">
          {appName} can now use your Portico account on your device. Return to the device: it continues on its own. You can close this page.
        </span>
      </Alert>
    );
  }
  if (state.done === 'denied') {
    return (
      <Alert title="Request denied">
        <span className="wrap-anywhere">{appName} got no access to your account. You can close this page.</span>
      </Alert>
    );
  }
  return (
    <form action={formAction} className="space-y-6">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <input type="hidden" name="user_code" value={userCode} />
      <input type="hidden" name="account" value={accountId} />

      <section className="space-y-3" aria-labelledby={headingId}>
        <h2 id={headingId} className="text-sm font-semibold wrap-anywhere text-zinc-900">
          {scopes.length || apis.length ? `This will allow ${appName} to:` : `${appName} asks for no information from your account.`}
        </h2>
        {scopes.length || apis.length ? (
          <ScopeGroups scopes={scopes} apis={apis} appName={appName} row={(scope) => <ScopeTick key={scope.name} scope={scope} />} />
        ) : null}
      </section>

      <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900 ring-1 ring-amber-200 ring-inset">
        Only approve if you started signing in on a device of your own just now and it shows this same code. If someone sent you this code, choose Deny.
      </p>

      <div className="flex flex-col-reverse gap-3 sm:flex-row">
        <Button type="submit" name="decision" value="deny" variant="secondary" disabled={pending}>
          Deny
        </Button>
        <Button type="submit" name="decision" value="approve" disabled={pending} aria-busy={pending}>
          Approve
        </Button>
      </div>
    </form>
  );
}

function ScopeTick({ scope }: { scope: ConsentScope }) {
  return (
    <li className="flex items-start gap-3 px-4 py-3">
      <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="2" className="mt-0.5 size-4 shrink-0 text-zinc-500" aria-hidden="true">
        <path d="M3.5 8.5l3 3 6-7" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="min-w-0 flex-1 wrap-break-word">{scope.description}</span>
    </li>
  );
}
