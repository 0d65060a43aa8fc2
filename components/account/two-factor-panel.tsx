'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { DisableResult, RecoveryCodesResult, StartEnrolmentResult } from '@/app/(account)/account/security/two-factor-actions';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ShownDate } from './format-date';
import { TwoFactorEnrolment, type Enrolment } from './two-factor-enrolment';
import { TwoFactorPasswordForm } from './two-factor-password-form';
import { TwoFactorRecoveryCodes } from './two-factor-recovery-codes';

export type TwoFactorStatusView = { enabled: boolean; enabledAt: ShownDate | null; recoveryCodesLeft: number };

export type TwoFactorActions = {
  start: () => Promise<StartEnrolmentResult>;
  confirm: (input: { code: string; password: string }) => Promise<RecoveryCodesResult>;
  regenerate: (input: { password: string }) => Promise<RecoveryCodesResult>;
  disable: (input: { password: string }) => Promise<DisableResult>;
};

type View =
  | { name: 'status' }
  | { name: 'enrol'; enrolment: Enrolment }
  | { name: 'codes'; codes: string[]; reason: 'enabled' | 'regenerated' }
  | { name: 'regenerate' }
  | { name: 'disable' };

const UNREACHABLE = "We couldn't reach Portico. Check your connection and try again.";
const FEW_CODES_LEFT = 3;

/**
 * What the section shows, one view at a time: the status with its buttons, the set-up steps, the
 * new recovery codes (shown once), or a password form before making new codes or turning off.
 */
export function TwoFactorPanel({ status, actions }: { status: TwoFactorStatusView; actions: TwoFactorActions }) {
  const router = useRouter();
  const [view, setView] = useState<View>({ name: 'status' });
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [starting, setStarting] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  function show(next: View, message: typeof notice = null) {
    setNotice(message);
    setView(next);
  }

  async function start() {
    setNotice(null);
    setStarting(true);
    const result = await actions.start().catch((): StartEnrolmentResult => ({ ok: false, error: UNREACHABLE }));
    setStarting(false);
    if (result.ok) show({ name: 'enrol', enrolment: result });
    else setNotice({ tone: 'error', text: result.error });
  }

  function finish(message: string) {
    router.refresh();
    show({ name: 'status' }, { tone: 'success', text: message });
  }

  if (view.name === 'enrol') {
    return (
      <TwoFactorEnrolment
        enrolment={view.enrolment}
        confirm={actions.confirm}
        onEnabled={(codes) => show({ name: 'codes', codes, reason: 'enabled' })}
        onCancel={() => show({ name: 'status' })}
      />
    );
  }
  if (view.name === 'codes') {
    return (
      <TwoFactorRecoveryCodes
        codes={view.codes}
        reason={view.reason}
        onDone={() => finish(view.reason === 'enabled' ? 'Two-step verification is on.' : 'Your new recovery codes are ready. The old ones no longer work.')}
      />
    );
  }
  if (view.name === 'regenerate') {
    return (
      <TwoFactorPasswordForm
        title="Make new recovery codes"
        description="Your current recovery codes stop working as soon as the new ones are made."
        submitLabel="Make new codes"
        action={actions.regenerate}
        onSuccess={(result) => show({ name: 'codes', codes: result.recoveryCodes, reason: 'regenerated' })}
        onCancel={() => show({ name: 'status' })}
      />
    );
  }
  if (view.name === 'disable') {
    return (
      <TwoFactorPasswordForm
        title="Turn off two-step verification"
        description="Signing in will ask only for your password. Your authenticator app and recovery codes will stop working for this account."
        submitLabel="Turn off"
        danger
        action={actions.disable}
        onSuccess={() => finish('Two-step verification is off.')}
        onCancel={() => show({ name: 'status' })}
      />
    );
  }

  return (
    <div className="space-y-4">
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {status.enabled ? (
        <>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-700">
            <Badge tone="green">On</Badge>
            {status.enabledAt ? (
              <span>
                since{' '}
                <time dateTime={status.enabledAt.iso} title={status.enabledAt.absolute}>
                  {status.enabledAt.relative}
                </time>
              </span>
            ) : null}
            <span aria-hidden="true">·</span>
            <span>
              {status.recoveryCodesLeft} recovery {status.recoveryCodesLeft === 1 ? 'code' : 'codes'} left
            </span>
          </p>
          <p className="text-sm text-zinc-700">Signing in asks for a code from your authenticator app after your password.</p>
          {status.recoveryCodesLeft <= FEW_CODES_LEFT ? (
            <Alert tone="info">
              {status.recoveryCodesLeft === 0 ? 'You have no recovery codes left.' : 'You are running out of recovery codes.'} Make new ones so you can still sign in if
              you lose your phone.
            </Alert>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <Button variant="secondary" fullWidth={false} onClick={() => show({ name: 'regenerate' })}>
              Make new recovery codes
            </Button>
            <Button variant="secondary" fullWidth={false} onClick={() => show({ name: 'disable' })}>
              Turn off
            </Button>
          </div>
        </>
      ) : (
        <>
          <p className="flex items-center gap-2 text-sm text-zinc-700">
            <Badge>Off</Badge>
            <span>Signing in asks only for your password.</span>
          </p>
          <p className="text-sm text-zinc-700">
            Add a second step: a 6-digit code from an authenticator app on your phone. Someone who learns your password still can&apos;t sign in without it.
          </p>
          <Button fullWidth={false} onClick={start} disabled={!hydrated || starting} aria-busy={starting}>
            Set up an authenticator app
          </Button>
        </>
      )}
    </div>
  );
}
