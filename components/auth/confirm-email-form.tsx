'use client';

import { useActionState } from 'react';
import { LinkProblemCard } from '@/components/auth/link-problem';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import type { ConfirmEmailChangeResult, EmailChangeDescription } from '@/lib/account/change-email';

/** What the confirm action answers: null until pressed; `failed` if something unexpected went wrong (nothing was written). */
export type ConfirmEmailState = ConfirmEmailChangeResult | { ok: false; problem: 'failed'; message: string } | null;
export type ConfirmEmailAction = (previous: ConfirmEmailState, form: FormData) => Promise<ConfirmEmailState>;

type Outcome = Exclude<ConfirmEmailChangeResult | EmailChangeDescription, { ok: true; currentEmail: string }>;

const RETRY = { href: '/account/security', label: 'Change your email address again' };

/**
 * Asks before changing the address: the link alone changes nothing (scanners open links). A plain
 * form post, so it works before (or without) JavaScript; the button is disabled while it runs.
 *
 * `change` is what the link looked like when the page was rendered. The action's answer wins over
 * it: without JavaScript the page is rendered again after the post, when the link is already spent.
 */
export function ConfirmEmailForm({ action, token, change }: { action: ConfirmEmailAction; token: string; change: EmailChangeDescription }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state && (state.ok || state.problem !== 'failed')) return <EmailChangeOutcome outcome={state} />;
  if (!change.ok) return <EmailChangeOutcome outcome={change} />;
  return (
    <Card className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Confirm your new email</h1>
        <p className="text-sm text-zinc-700">
          Change the email of your Portico account from <strong>{change.currentEmail}</strong> to <strong>{change.newEmail}</strong>?
        </p>
        <p className="text-sm text-zinc-700">You will sign in with the new address. If you did not ask for this, close this page: nothing changes.</p>
      </header>
      <form action={formAction} className="space-y-5">
        {state ? <Alert tone="error">{state.message}</Alert> : null}
        <input type="hidden" name="token" value={token} />
        <Button type="submit" disabled={pending} aria-busy={pending}>
          Confirm new email
        </Button>
      </form>
    </Card>
  );
}

/** The address changed, was taken by another account, or the link cannot be used. */
function EmailChangeOutcome({ outcome }: { outcome: Outcome }) {
  if (outcome.ok) {
    return (
      <Card className="space-y-3">
        <h1 className="text-xl font-semibold">Email address changed</h1>
        <p className="text-sm text-zinc-700">
          <strong>{outcome.newEmail}</strong> is now the address you sign in with, instead of {outcome.oldEmail}. Apps you sign in to with Portico get
          the new address the next time they ask for it.
        </p>
        <p className="text-sm">
          <TextLink href="/account/security">Go to your account</TextLink>
        </p>
      </Card>
    );
  }
  if (outcome.problem === 'taken') {
    return (
      <Card className="space-y-3">
        <h1 className="text-xl font-semibold">This address is already in use</h1>
        <p className="text-sm text-zinc-700">{outcome.message}</p>
        <p className="text-sm">
          <TextLink href={RETRY.href}>{RETRY.label}</TextLink>
        </p>
      </Card>
    );
  }
  return <LinkProblemCard problem={outcome.problem} message={outcome.message} retry={RETRY} />;
}
