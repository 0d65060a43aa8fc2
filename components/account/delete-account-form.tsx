'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { TextField } from '@/components/ui/input';
import type { DeleteAccountState } from '@/app/(account)/account/delete/actions';

type Action = (previous: DeleteAccountState, form: FormData) => Promise<DeleteAccountState>;

/** Re-authentication and an explicit confirmation before the account is deleted. */
export function DeleteAccountForm({ action }: { action: Action }) {
  const [state, submit, pending] = useActionState(action, {});
  return (
    <form action={submit} className="space-y-5">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <TextField label="Current password" name="password" type="password" autoComplete="current-password" required />
      <CheckboxField label="I understand that my account and everything it holds will be deleted, and that this cannot be undone." name="confirm" required />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? 'Deleting…' : 'Delete my account'}
      </Button>
    </form>
  );
}
