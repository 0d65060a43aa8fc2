'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SecretValue, StoreItNow } from '@/components/ui/secret-reveal';
import type { SecretSummary } from '@/lib/portal/types';
import { GRACE_PERIODS, type RotateClientSecretInput } from '@/lib/validation/client-update';
import { UNREACHABLE, type ActionResult } from './action-result';
import { formatDateTime } from './format';

type RotateAction = (clientId: string, input: RotateClientSecretInput) => Promise<ActionResult<{ clientSecret: string; last4: string | null }>>;
type RevokeAction = (clientId: string, secretId: string) => Promise<ActionResult>;

const GRACE_LABELS: Record<number, { label: string; hint: string }> = {
  0: { label: 'Revoke the current secret now', hint: 'Anything still using it fails at once. Use this if the secret leaked.' },
  3600: { label: 'Keep it working for 1 hour', hint: 'Enough to redeploy one service.' },
  86_400: { label: 'Keep it working for 24 hours', hint: 'Time to roll the new secret out everywhere.' },
  604_800: { label: 'Keep it working for 7 days', hint: 'For slow release cycles.' },
};

const STATUS: Record<SecretSummary['status'], { label: string; tone: 'green' | 'amber' | 'neutral' | 'red' }> = {
  active: { label: 'Active', tone: 'green' },
  expiring: { label: 'Expiring', tone: 'amber' },
  expired: { label: 'Expired', tone: 'neutral' },
  revoked: { label: 'Revoked', tone: 'red' },
};

/**
 * The Secrets tab: the list (last four characters only), rotation with a grace period, revocation.
 * A rotated secret is shown here once, from the action's answer; the page never has it again.
 */
export function SecretsPanel({ clientId, secrets, canManage, rotate, revoke }: { clientId: string; secrets: readonly SecretSummary[]; canManage: boolean; rotate: RotateAction; revoke: RevokeAction }) {
  const [rotateOpen, setRotateOpen] = useState(false);
  const [grace, setGrace] = useState<number>(3600);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [toRevoke, setToRevoke] = useState<SecretSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const live = secrets.filter((s) => s.status === 'active' || s.status === 'expiring');

  async function onRotate() {
    setBusy(true);
    setError(null);
    const result = await rotate(clientId, { gracePeriodSeconds: grace }).catch(() => UNREACHABLE);
    setBusy(false);
    setRotateOpen(false);
    if (!result.ok) return setError(result.error);
    setRevealed(result.data.clientSecret);
  }

  async function onRevoke() {
    if (!toRevoke) return;
    setBusy(true);
    setError(null);
    const result = await revoke(clientId, toRevoke.id).catch(() => UNREACHABLE);
    setBusy(false);
    setToRevoke(null);
    if (!result.ok) setError(result.error);
  }

  return (
    <div className="flex flex-col gap-6">
      {error ? <Alert tone="error">{error}</Alert> : null}

      {revealed ? (
        <section aria-labelledby="new-secret-heading" className="space-y-4 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6">
          <h2 id="new-secret-heading" className="text-base font-semibold text-zinc-900">
            Your new client secret
          </h2>
          <StoreItNow what="secret" />
          <SecretValue label="New client secret" value={revealed} testId="new-client-secret" />
          <div className="flex justify-end">
            <Button variant="secondary" size="sm" fullWidth={false} onClick={() => setRevealed(null)}>
              I have stored it — hide the secret
            </Button>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="secrets-heading" className="rounded-xl border border-zinc-200 bg-white shadow-sm">
        <div className="flex flex-col gap-3 border-b border-zinc-200 px-5 py-4 sm:flex-row sm:items-center sm:justify-between sm:px-6">
          <div className="space-y-1">
            <h2 id="secrets-heading" className="text-base font-semibold text-zinc-900">
              Client secrets
            </h2>
            <p className="text-sm text-zinc-600">
              The app authenticates with any active secret. Portico stores only hashes, so secrets are shown once, when created.
            </p>
          </div>
          {canManage ? (
            <Button fullWidth={false} size="sm" onClick={() => setRotateOpen(true)} className="shrink-0">
              Rotate secret
            </Button>
          ) : null}
        </div>
        {secrets.length ? (
          <ul className="divide-y divide-zinc-200" aria-label="Client secrets">
            {secrets.map((secret) => {
              const status = STATUS[secret.status];
              const isLive = secret.status === 'active' || secret.status === 'expiring';
              return (
                <li key={secret.id} className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center sm:px-6" data-testid="secret-row">
                  <div className="min-w-0 flex-1 space-y-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <code className="font-mono text-sm text-zinc-900">
                        {secret.last4 ? (
                          <>
                            <span aria-hidden="true">cs_••••••••</span>
                            <span className="sr-only">Secret ending in </span>
                            {secret.last4}
                          </>
                        ) : (
                          <span>Secret (hidden from viewers)</span>
                        )}
                      </code>
                      <Badge tone={status.tone}>{status.label}</Badge>
                    </div>
                    <p className="text-sm text-zinc-600">
                      Created {formatDateTime(secret.createdAt)}
                      {secret.revokedAt ? ` · revoked ${formatDateTime(secret.revokedAt)}` : null}
                      {!secret.revokedAt && secret.expiresAt ? ` · ${secret.status === 'expired' ? 'expired' : 'stops working'} ${formatDateTime(secret.expiresAt)}` : null}
                      {!secret.revokedAt && !secret.expiresAt ? ' · never expires' : null}
                    </p>
                  </div>
                  {canManage && isLive ? (
                    <Button
                      variant="secondary"
                      size="sm"
                      fullWidth={false}
                      onClick={() => setToRevoke(secret)}
                      aria-label={secret.last4 ? `Revoke secret ending in ${secret.last4}` : 'Revoke secret'}
                    >
                      Revoke
                    </Button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="px-6 py-6 text-sm text-zinc-700">This app has no secrets. Rotate to create one.</p>
        )}
        {!canManage ? (
          <p className="border-t border-zinc-200 px-5 py-3 text-sm text-zinc-600 sm:px-6">Only team owners and developers can rotate or revoke secrets.</p>
        ) : null}
      </section>

      <Dialog
        open={rotateOpen}
        onClose={() => setRotateOpen(false)}
        title="Rotate the client secret"
        description="Portico creates a new secret and shows it once. Choose how long the current secret keeps working while you switch over."
      >
        <fieldset className="space-y-2">
          <legend className="sr-only">Grace period for the current secret</legend>
          {GRACE_PERIODS.map((seconds) => (
            <label key={seconds} className="flex cursor-pointer items-start gap-3 rounded-lg border border-zinc-200 p-3 has-checked:border-zinc-900 has-checked:bg-zinc-50">
              <input
                type="radio"
                name="grace"
                value={seconds}
                checked={grace === seconds}
                onChange={() => setGrace(seconds)}
                data-autofocus={grace === seconds ? true : undefined}
                className="mt-0.5 size-4 accent-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
              />
              <span>
                <span className="block text-sm font-medium text-zinc-900">{GRACE_LABELS[seconds]?.label}</span>
                <span className="block text-sm text-zinc-600">{GRACE_LABELS[seconds]?.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" fullWidth={false} onClick={() => setRotateOpen(false)}>
            Cancel
          </Button>
          <Button fullWidth={false} onClick={onRotate} disabled={busy} aria-busy={busy}>
            Create new secret
          </Button>
        </div>
      </Dialog>

      <Dialog
        open={toRevoke !== null}
        onClose={() => setToRevoke(null)}
        title={toRevoke?.last4 ? `Revoke the secret ending in ${toRevoke.last4}?` : 'Revoke this secret?'}
        description={
          live.length <= 1
            ? 'This is the app’s only working secret: once revoked, the app cannot get tokens until you rotate to a new one.'
            : 'Anything still using this secret stops authenticating within a few seconds. This cannot be undone.'
        }
      >
        <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" fullWidth={false} onClick={() => setToRevoke(null)} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" fullWidth={false} onClick={onRevoke} disabled={busy} aria-busy={busy}>
            Revoke secret
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
