'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { PersonalAccessTokenSummary } from '@/lib/portal/types';
import { UNREACHABLE, type ActionResult } from './action-result';
import { formatDate, formatDateTime } from './format';

type RevokeAction = (tokenId: string) => Promise<ActionResult>;

function state(token: PersonalAccessTokenSummary, now: number) {
  if (token.revokedAt) return { label: 'Revoked', tone: 'red' as const, live: false };
  if (new Date(token.expiresAt).getTime() <= now) return { label: 'Expired', tone: 'neutral' as const, live: false };
  return { label: 'Active', tone: 'green' as const, live: true };
}

export function TokenList({ tokens, now, revoke }: { tokens: readonly PersonalAccessTokenSummary[]; now: number; revoke: RevokeAction }) {
  const [target, setTarget] = useState<PersonalAccessTokenSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onRevoke() {
    if (!target) return;
    setBusy(true);
    const result = await revoke(target.id).catch(() => UNREACHABLE);
    setBusy(false);
    setTarget(null);
    setError(result.ok ? null : result.error);
  }

  return (
    <section aria-labelledby="tokens-heading" className="rounded-xl border border-zinc-200 bg-white shadow-sm">
      <h2 id="tokens-heading" className="border-b border-zinc-200 px-5 py-4 text-base font-semibold text-zinc-900 sm:px-6">
        Your tokens
      </h2>
      {error ? (
        <div className="px-5 pt-4 sm:px-6">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      {tokens.length ? (
        <ul className="divide-y divide-zinc-200" aria-label="Personal access tokens">
          {tokens.map((token) => {
            const s = state(token, now);
            return (
              <li key={token.id} className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center sm:px-6" data-testid="token-row">
                <div className="min-w-0 flex-1 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium wrap-break-word text-zinc-900">{token.name}</span>
                    <Badge tone={s.tone}>{s.label}</Badge>
                    {token.scopes.map((scope) => (
                      <Badge key={scope}>{scope}</Badge>
                    ))}
                  </div>
                  <p className="text-sm text-zinc-600">
                    <code className="font-mono text-[13px]">
                      <span aria-hidden="true">pat_••••</span>
                      <span className="sr-only">ending in </span>
                      {token.last4}
                    </code>{' '}
                    · created {formatDate(token.createdAt)} · {s.label === 'Expired' ? 'expired' : 'expires'} {formatDate(token.expiresAt)} ·{' '}
                    {token.lastUsedAt ? `last used ${formatDateTime(token.lastUsedAt)}` : 'never used'}
                  </p>
                </div>
                {s.live ? (
                  <Button variant="secondary" size="sm" fullWidth={false} onClick={() => setTarget(token)} aria-label={`Revoke token ${token.name}`}>
                    Revoke
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="px-5 py-6 text-sm text-zinc-700 sm:px-6">No tokens yet. Create one above to call the API from scripts or CI.</p>
      )}
      <Dialog
        open={target !== null}
        onClose={() => setTarget(null)}
        title={`Revoke “${target?.name ?? ''}”?`}
        description="Scripts using this token stop working at once. This cannot be undone."
      >
        <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" fullWidth={false} onClick={() => setTarget(null)} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" fullWidth={false} onClick={onRevoke} disabled={busy} aria-busy={busy}>
            Revoke token
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
