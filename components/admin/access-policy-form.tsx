'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { UNREACHABLE, type ActionResult } from '@/components/portal/action-result';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { setAccessPolicySchema } from '@/lib/validation/app-access';

type Policy = 'everyone' | 'assigned';
const CHOICES: { value: Policy; label: string; hint: string }[] = [
  { value: 'everyone', label: 'Everyone', hint: 'Any account may sign in to this app.' },
  { value: 'assigned', label: 'Only assigned users and groups', hint: 'Everyone else gets “access denied” at the app and no tokens.' },
];

/** The app's access policy as two radio buttons and a Save button. */
export function AccessPolicyForm({ policy, appName, action }: { policy: Policy; appName: string; action: (input: { policy: Policy }) => Promise<ActionResult> }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, formState } = useForm<{ policy: Policy }>({ resolver: zodResolver(setAccessPolicySchema), defaultValues: { policy } });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    setSaved(false);
    const result = await action(values).catch(() => UNREACHABLE);
    if (!result.ok) return setError(result.error);
    setSaved(true);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {saved ? <Alert tone="success">Saved: it applies to the next sign-in on every server.</Alert> : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-800">Who may sign in to {appName}</legend>
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
        Save access
      </Button>
    </form>
  );
}
