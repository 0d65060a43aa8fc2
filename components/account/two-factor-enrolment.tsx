'use client';

import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { RecoveryCodesResult } from '@/app/(account)/account/security/two-factor-actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { TextField } from '@/components/ui/input';

export type Enrolment = { secret: string; otpauthUri: string; qrCodeDataUrl: string };

const UNREACHABLE = "We couldn't reach Portico. Check your connection and try again.";

/** The setup key as people type it: groups of four. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * Set-up: scan the QR code (or type the key), then prove it worked with a code from the app and
 * confirm it's you with the current password (a session alone cannot turn it on).
 */
export function TwoFactorEnrolment({
  enrolment,
  confirm,
  onEnabled,
  onCancel,
}: {
  enrolment: Enrolment;
  confirm: (input: { code: string; password: string }) => Promise<RecoveryCodesResult>;
  onEnabled: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<{ code: string; password: string }>({ defaultValues: { code: '', password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await confirm(values).catch((): RecoveryCodesResult => ({ ok: false, error: UNREACHABLE }));
    if (result.ok) return onEnabled(result.recoveryCodes);
    if (result.field === 'code' || result.field === 'password') setError(result.field, { message: result.error }, { shouldFocus: true });
    else setFormError(result.error);
  });

  return (
    <div className="space-y-5">
      <h3 ref={heading} tabIndex={-1} className="font-semibold focus:outline-none">
        Set up an authenticator app
      </h3>
      <ol className="list-decimal space-y-5 pl-5 text-sm text-zinc-700 marker:font-semibold marker:text-zinc-900">
        <li className="space-y-3">
          <p>Open your authenticator app (for example 1Password, Google Authenticator, Microsoft Authenticator or Aegis) and scan this QR code.</p>
          {/* A data: URL made by the server action: a plain <img>, nothing for next/image to optimise. */}
          <img src={enrolment.qrCodeDataUrl} alt="QR code for setting up your authenticator app" width={176} height={176} className="rounded-md border border-zinc-200" />
          <p>
            On this phone?{' '}
            <a href={enrolment.otpauthUri} className="font-medium text-zinc-900 underline underline-offset-2">
              Add it to your authenticator app
            </a>
            .
          </p>
        </li>
        <li className="space-y-2">
          <p>Can&apos;t scan it? Choose to enter a key in the app, then type this time-based key:</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono text-sm tracking-wide text-zinc-900 select-all">
              {grouped(enrolment.secret)}
            </code>
            <CopyButton value={enrolment.secret} label="Copy setup key" />
          </div>
        </li>
        <li>
          <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
            <p>Enter the 6-digit code the app now shows for Portico, and your current password to confirm it&apos;s you.</p>
            {formError ? <Alert tone="error">{formError}</Alert> : null}
            <TextField
              label="Code from the app"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]*"
              maxLength={7}
              spellCheck={false}
              className="font-mono tracking-widest sm:w-40"
              error={errors.code?.message}
              {...register('code', {
                validate: (value) => /^\d{6}$/.test(value.replace(/\s/g, '')) || 'Enter the 6-digit code your authenticator app shows.',
              })}
            />
            <TextField
              label="Current password"
              type="password"
              autoComplete="current-password"
              className="sm:w-72"
              error={errors.password?.message}
              {...register('password', { required: 'Enter your current password.' })}
            />
            <div className="flex flex-wrap gap-3">
              <Button type="submit" fullWidth={false} disabled={isSubmitting} aria-busy={isSubmitting}>
                Turn on
              </Button>
              <Button variant="ghost" fullWidth={false} onClick={onCancel} disabled={isSubmitting}>
                Cancel
              </Button>
            </div>
          </form>
        </li>
      </ol>
    </div>
  );
}
