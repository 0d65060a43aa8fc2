'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { UNREACHABLE, type ActionResult } from '@/components/portal/action-result';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { SignUpPolicy } from '@/lib/settings/settings';
import { signUpPolicySchema } from '@/lib/validation/operator-settings';
import { SAVED, type SaveStatus } from './save-status';

const CHOICES: { value: SignUpPolicy; label: string; hint: string }[] = [
  { value: 'open', label: 'Open', hint: 'Anyone can create an account.' },
  { value: 'invite_only', label: 'Invitations only', hint: 'Only an email address with a pending team invitation.' },
  { value: 'closed', label: 'Closed', hint: 'Nobody; the sign-up page says to ask you.' },
];

export function SignUpPolicyForm({ policy, action }: { policy: SignUpPolicy; action: (input: { policy: SignUpPolicy }) => Promise<ActionResult> }) {
  const router = useRouter();
  const [status, setStatus] = useState<SaveStatus>(null);
  const { register, handleSubmit, formState } = useForm<{ policy: SignUpPolicy }>({ resolver: zodResolver(signUpPolicySchema), defaultValues: { policy } });

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await action(values).catch(() => UNREACHABLE);
    setStatus(result.ok ? SAVED : { tone: 'error', text: result.error });
    if (result.ok) router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      <fieldset className="grid gap-2 sm:grid-cols-3">
        <legend className="sr-only">Who may sign up</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="flex items-start gap-3 rounded-md border border-zinc-200 px-3 py-2 text-sm has-checked:border-zinc-900">
            <input type="radio" value={choice.value} className="mt-1 size-4 accent-zinc-900" {...register('policy')} />
            <span className="min-w-0">
              <span className="block font-medium text-zinc-900">{choice.label}</span>
              <span className="block text-zinc-600">{choice.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Button type="submit" size="sm" fullWidth={false} disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
        Save sign-up
      </Button>
    </form>
  );
}
