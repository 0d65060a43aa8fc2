'use client';

import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { ShownDate } from './format-date';

export type SessionItem = {
  id: string;
  /** "Firefox on Windows". */
  device: string;
  ip: string | null;
  signedIn: ShownDate;
  lastSeen: ShownDate;
  twoStep: boolean;
  current: boolean;
};

type Result = { ok: true; signedOutHere?: boolean } | { ok: false; error: string };

function When({ date }: { date: ShownDate }) {
  return (
    <time dateTime={date.iso} title={date.absolute}>
      {date.relative}
    </time>
  );
}

/** Clears this browser's cookie too, then leaves: the session behind it has already ended. */
async function leave() {
  await signOut({ redirect: false }).catch(() => undefined);
  window.location.assign('/logged-out');
}

/** The user's signed-in browsers, each with "Sign out", and "Sign out everywhere" behind a confirmation. */
export function SessionList({
  sessions,
  signOut: signOutSession,
  signOutEverywhere,
}: {
  sessions: SessionItem[];
  signOut: (id: string) => Promise<Result>;
  signOutEverywhere: () => Promise<Result>;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmingAll, setConfirmingAll] = useState(false);
  const [pending, startTransition] = useTransition();

  function run(action: () => Promise<Result>, done: string) {
    setError(null);
    setNotice(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setError(result.error);
        return;
      }
      if (result.signedOutHere) return leave();
      setNotice(done);
      router.refresh();
    });
  }

  return (
    <div className="space-y-4">
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ul aria-label="Signed-in sessions" className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white shadow-sm">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-start gap-x-4 gap-y-3 p-5 sm:p-6">
            <div className="min-w-0 flex-1 basis-56 space-y-1">
              <h2 className="flex flex-wrap items-center gap-2 text-base font-semibold text-zinc-900">
                {s.device}
                {s.current ? <Badge tone="green">This browser</Badge> : null}
                {s.twoStep ? <Badge tone="blue">Two-step</Badge> : null}
              </h2>
              <p className="text-sm text-zinc-700">
                {s.ip ? <>IP address {s.ip} · </> : null}
                Signed in <When date={s.signedIn} /> · Last active <When date={s.lastSeen} />
              </p>
            </div>
            <Button
              variant="secondary"
              size="sm"
              fullWidth={false}
              className="shrink-0"
              disabled={pending}
              aria-label={s.current ? 'Sign out of this browser' : `Sign out ${s.device}${s.ip ? ` at ${s.ip}` : ''}`}
              onClick={() => run(() => signOutSession(s.id), `${s.device} has been signed out.`)}
            >
              Sign out
            </Button>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6">
        <p className="max-w-prose text-sm text-zinc-700">Lost a device, or see a session you don&apos;t recognise? Sign out everywhere, this browser included.</p>
        <Button variant="danger" size="sm" fullWidth={false} disabled={pending} onClick={() => setConfirmingAll(true)}>
          Sign out everywhere
        </Button>
      </div>
      <Dialog
        open={confirmingAll}
        onClose={() => (pending ? undefined : setConfirmingAll(false))}
        title="Sign out everywhere?"
        description={
          <p>
            Every browser and device signed in to your account, this one included, will be signed out, and your personal access tokens for the
            developer API stop working. Apps you connected keep their access; revoke it under Connected apps.
          </p>
        }
      >
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" fullWidth={false} onClick={() => setConfirmingAll(false)} disabled={pending} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" fullWidth={false} disabled={pending} aria-busy={pending} onClick={() => run(signOutEverywhere, '')}>
            {pending ? 'Signing out…' : 'Sign out everywhere'}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
