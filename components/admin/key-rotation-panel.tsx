'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { UNREACHABLE, type ActionResult } from '@/components/portal/action-result';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';
import { ConfirmButton } from './confirm-button';

type Rotate = (input?: { activatesAt?: string }) => Promise<ActionResult<{ activatesAt: string }>>;

/**
 * Rotate the signing keys now (after the activation delay) or at a chosen time. The time is typed
 * in the browser's time zone and sent as an absolute instant.
 */
export function KeyRotationPanel({ action, activationDelaySeconds, maxDays }: { action: Rotate; activationDelaySeconds: number; maxDays: number }) {
  const router = useRouter();
  const [at, setAt] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const delay = activationDelaySeconds >= 120 ? `${Math.round(activationDelaySeconds / 60)} minutes` : `${activationDelaySeconds} seconds`;

  async function schedule(event: React.FormEvent) {
    event.preventDefault();
    setError(undefined);
    setDone(null);
    const when = new Date(at);
    if (!at || Number.isNaN(when.getTime())) return setError('Choose the date and time the new keys should start signing.');
    setBusy(true);
    const result = await action({ activatesAt: when.toISOString() }).catch(() => UNREACHABLE);
    setBusy(false);
    if (!result.ok) return setError(result.fieldErrors?.activatesAt ?? result.error);
    setDone(`New keys scheduled: they sign from ${new Date(result.data.activatesAt).toLocaleString()}.`);
    setAt('');
    router.refresh();
  }

  return (
    <section aria-labelledby="rotate-heading" className="space-y-4 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <h2 id="rotate-heading" className="text-base font-semibold text-zinc-900">
            Rotate keys
          </h2>
          <p className="text-sm text-zinc-600">Rotating now publishes new keys at once; they start signing in {delay}, once every server lists them.</p>
        </div>
        <ConfirmButton
          tone="primary"
          label="Rotate now"
          title="Rotate the signing keys now?"
          description={`New keys are published now and sign from ${delay} from now. Apps that cache the JWKS keep working: the current keys stay published until every token they signed has expired.`}
          confirmLabel="Rotate keys"
          action={() => action()}
        />
      </div>
      {done ? <Alert tone="success">{done}</Alert> : null}
      <form onSubmit={schedule} noValidate className="flex flex-col gap-2 border-t border-zinc-200 pt-4 sm:flex-row sm:items-start">
        <div className="min-w-0 flex-1">
          <TextField
            label="Or schedule the switch"
            hint={`Your local time; within ${maxDays} days.`}
            type="datetime-local"
            value={at}
            onChange={(e) => setAt(e.target.value)}
            error={error}
          />
        </div>
        <Button type="submit" variant="secondary" fullWidth={false} className="sm:mt-12" disabled={busy} aria-busy={busy}>
          Schedule rotation
        </Button>
      </form>
    </section>
  );
}
