'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

export type ResendVerificationAction = () => Promise<{ ok: boolean; message: string }>;

/**
 * Shown while the account's email address is not confirmed (the account area, the developer
 * portal's API tokens page): what is pending, why it matters here, and a button that mails the
 * link again (limited per account; the answer says when to try again).
 */
export function UnverifiedEmailNotice({ email, why, action }: { email: string; why?: string; action: ResendVerificationAction }) {
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function resend() {
    setBusy(true);
    setResult(null);
    const answer = await action().catch(() => ({ ok: false, message: "We couldn't reach Portico. Check your connection and try again." }));
    setResult(answer);
    setBusy(false);
  }

  return (
    <section aria-labelledby="unverified-email" className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="unverified-email">
      <div className="space-y-1">
        <h2 id="unverified-email" className="font-semibold">
          Confirm your email address
        </h2>
        <p className="wrap-anywhere">
          We sent a link to <strong className="font-semibold">{email}</strong> when you signed up. Open it to confirm the address is yours.{' '}
          {why ?? 'Until then, apps you sign in to see it as unconfirmed.'}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" size="sm" fullWidth={false} onClick={resend} disabled={busy} aria-busy={busy}>
          {busy ? 'Sending…' : 'Send the email again'}
        </Button>
        {result ? (
          <p role={result.ok ? 'status' : 'alert'} className={`min-w-0 flex-1 basis-64 ${result.ok ? 'text-green-900' : 'text-red-800'}`}>
            {result.message}
          </p>
        ) : null}
      </div>
    </section>
  );
}
