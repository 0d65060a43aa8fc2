'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { AppAvatar } from '@/components/portal/app-avatar';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { ShownDate } from './format-date';

export type ConnectedAppItem = {
  clientId: string;
  name: string;
  logoUri: string | null;
  /** Plain-language lines, one per granted scope. */
  scopes: string[];
  firstAuthorized: ShownDate | null;
  lastUsed: ShownDate | null;
  offlineAccess: boolean;
};

type Revoke = (clientId: string) => Promise<{ ok?: true; error?: string }>;

function When({ date }: { date: ShownDate }) {
  return (
    <time dateTime={date.iso} title={date.absolute}>
      {date.relative}
    </time>
  );
}

/** The user's connected apps, each with "Revoke access" behind a confirmation naming the app. */
export function ConnectedAppList({ apps, revoke }: { apps: ConnectedAppItem[]; revoke: Revoke }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<ConnectedAppItem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function confirmRevoke() {
    const app = confirming;
    if (!app) return;
    startTransition(async () => {
      const result = await revoke(app.clientId);
      if (result.error) {
        setError(result.error);
        return;
      }
      setConfirming(null);
      setNotice(`${app.name} can no longer access your account.`);
      router.refresh();
    });
  }

  return (
    <div className="space-y-4">
      {notice ? (
        <Alert tone="success">
          <span className="wrap-anywhere">{notice}</span>
        </Alert>
      ) : null}
      {apps.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-10 text-center text-sm text-zinc-700">
          No apps can access your account. When you allow an app to use your Portico account, it appears here.
        </p>
      ) : (
        <ul aria-label="Connected apps" className="space-y-4">
          {apps.map((app) => (
            <li key={app.clientId} className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6">
              <article aria-labelledby={`app-${app.clientId}`} className="space-y-4">
                <div className="flex flex-wrap items-start gap-x-4 gap-y-3">
                  <AppAvatar name={app.name} logoUri={app.logoUri} />
                  <div className="min-w-0 flex-1 basis-48 space-y-1">
                    <h2 id={`app-${app.clientId}`} className="text-base font-semibold wrap-anywhere text-zinc-900">
                      {app.name}
                    </h2>
                    <p className="text-sm text-zinc-600">
                      {app.firstAuthorized ? (
                        <>
                          Authorized <When date={app.firstAuthorized} />
                        </>
                      ) : null}
                      {app.firstAuthorized && app.lastUsed ? ' · ' : null}
                      {app.lastUsed ? (
                        <>
                          Last used <When date={app.lastUsed} />
                        </>
                      ) : null}
                    </p>
                  </div>
                  <Button
                    variant="secondary"
                    size="sm"
                    className="shrink-0 sm:w-auto"
                    onClick={() => {
                      setError(null);
                      setNotice(null);
                      setConfirming(app);
                    }}
                    aria-label={`Revoke access for ${app.name}`}
                  >
                    Revoke access
                  </Button>
                </div>
                <div className="space-y-2">
                  <h3 className="text-sm font-medium text-zinc-900">It can:</h3>
                  <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-800 marker:text-zinc-400">
                    {app.scopes.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                  {app.offlineAccess ? (
                    <p className="inline-flex items-center gap-1.5 rounded-full bg-amber-50 px-2.5 py-1 text-xs font-medium text-amber-900 ring-1 ring-amber-200">
                      Can access your account while you&apos;re away
                    </p>
                  ) : null}
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}

      <Dialog
        open={confirming !== null}
        onClose={() => (pending ? undefined : setConfirming(null))}
        title={confirming ? `Revoke access for ${confirming.name}?` : 'Revoke access?'}
        description={
          confirming ? (
            <p>
              {confirming.name} will be signed out of your account at once and can no longer use it, including while you&apos;re away. To use{' '}
              {confirming.name} with Portico again, you will have to allow it again.
            </p>
          ) : null
        }
      >
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" fullWidth={false} onClick={() => setConfirming(null)} disabled={pending} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" fullWidth={false} onClick={confirmRevoke} disabled={pending} aria-busy={pending}>
            {pending ? 'Revoking…' : 'Revoke access'}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
