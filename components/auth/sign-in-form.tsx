'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';
import { sameOriginPath } from '@/lib/auth/relative-url';
import { SIGN_IN_MESSAGES } from '@/lib/auth/sign-in-messages';
import { signInSchema, type SignInInput, type SignInValues } from '@/lib/validation/sign-in';

// The codes lib/auth/options.ts returns for the second step.
const CODE_ERRORS: Record<string, string> = {
  SecondFactorInvalid: SIGN_IN_MESSAGES.SecondFactorInvalid,
  SecondFactorLocked: SIGN_IN_MESSAGES.SecondFactorLocked,
};
// The codes for the first step; anything else is "unavailable".
const PASSWORD_ERRORS: Record<string, string> = {
  CredentialsSignin: SIGN_IN_MESSAGES.CredentialsSignin,
  TooManyAttempts: SIGN_IN_MESSAGES.TooManyAttempts,
  PasswordExpired: SIGN_IN_MESSAGES.PasswordExpired,
  AccountDisabled: SIGN_IN_MESSAGES.AccountDisabled,
};

/**
 * Email + password sign-in through next-auth, then, for accounts with two-step verification, a
 * code from the authenticator app (or a recovery code); the password stays in the form between
 * the two steps and is sent again with the code. On success the browser goes to `continueTo`
 * (a same-origin path, e.g. back to /oauth/authorize) with a full navigation.
 */
export function SignInForm({ continueTo, defaultEmail }: { continueTo: string; defaultEmail?: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [hydrated, setHydrated] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const {
    register,
    handleSubmit,
    resetField,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput, unknown, SignInValues>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: defaultEmail ?? '', password: '' },
  });

  // Until React is in charge the button stays disabled, which also blocks implicit (Enter)
  // submission: a native submit must never carry the password anywhere.
  useEffect(() => setHydrated(true), []);

  const onSubmit = handleSubmit(async ({ email, password }) => {
    setFormError(null);
    setCodeError(null);
    if (askCode && !code.trim()) {
      setCodeError('Enter the 6-digit code from your authenticator app.');
      return;
    }
    const result = await signIn('credentials', { redirect: false, email, password, ...(askCode ? { code } : {}) }).catch(() => undefined);
    if (result?.ok && !result.error) {
      setLeaving(true);
      window.location.assign(sameOriginPath(continueTo) ?? '/');
      return;
    }
    const error = result?.error ?? '';
    if (error === 'SecondFactorRequired') {
      setAskCode(true);
      return;
    }
    if (error in CODE_ERRORS) {
      setCode('');
      setCodeError(CODE_ERRORS[error]!);
      return;
    }
    setAskCode(false);
    setCode('');
    setFormError(Object.hasOwn(PASSWORD_ERRORS, error) ? PASSWORD_ERRORS[error]! : SIGN_IN_MESSAGES.Unavailable);
    resetField('password');
    setFocus('password');
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {askCode ? (
        <section aria-labelledby="second-step" className="space-y-4">
          <div className="space-y-1">
            <h2 id="second-step" className="text-base font-semibold text-zinc-900">
              Two-step verification
            </h2>
            <p className="text-sm text-zinc-700">Open your authenticator app and enter the code it shows for Portico. Lost your phone? Enter one of your recovery codes instead.</p>
          </div>
          <TextField
            label="Verification code"
            name="code"
            inputMode="text"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            maxLength={32}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={codeError ?? undefined}
          />
        </section>
      ) : null}
      <div hidden={askCode} className="space-y-5">
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus={!defaultEmail}
        defaultValue={defaultEmail}
        error={errors.email?.message}
        {...register('email')}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        autoFocus={Boolean(defaultEmail)}
        error={errors.password?.message}
        {...register('password')}
      />
      </div>
      <Button type="submit" disabled={!hydrated || isSubmitting || leaving} aria-busy={isSubmitting || leaving}>
        {askCode ? 'Verify' : 'Sign in'}
      </Button>
      {askCode ? (
        <button
          type="button"
          className="text-sm font-medium text-zinc-700 underline underline-offset-2 hover:text-zinc-900"
          onClick={() => {
            setAskCode(false);
            setCode('');
            setCodeError(null);
            resetField('password');
          }}
        >
          Use a different account
        </button>
      ) : null}
    </form>
  );
}
