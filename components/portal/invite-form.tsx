'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';
import { SelectField } from '@/components/ui/select';
import { SecretValue } from '@/components/ui/secret-reveal';
import type { TeamRole } from '@/lib/portal/types';
import { inviteMemberSchema, type InviteMemberInput } from '@/lib/validation/team';
import { UNREACHABLE, type ActionResult } from './action-result';
import { applyFieldErrors } from './apply-field-errors';
import { ROLE_OPTIONS } from './roles';

type Sent = { url: string; email: string; role: TeamRole; emailed: boolean };
type InviteAction = (teamId: string, input: InviteMemberInput) => Promise<ActionResult<Sent>>;
type InviteValues = { email: string; role: TeamRole };

/**
 * Owners invite by email: Portico emails the single-use link, and shows it once here too, for
 * passing on another way (or when the email could not be sent).
 */
export function InviteForm({ teamId, action }: { teamId: string; action: InviteAction }) {
  const [link, setLink] = useState<Sent | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<InviteMemberInput, unknown, InviteValues>({
    resolver: zodResolver(inviteMemberSchema),
    defaultValues: { email: '', role: 'developer' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setLink(null);
    const result = await action(teamId, values).catch(() => UNREACHABLE);
    if (result.ok) {
      setLink(result.data);
      reset({ email: '', role: values.role });
      return;
    }
    const unplaced = applyFieldErrors(result.fieldErrors, setError, ['email', 'role']);
    setFormError(unplaced.length || !result.fieldErrors ? [result.error, ...unplaced].join(' ') : null);
  });

  return (
    <div className="space-y-5">
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Invite a teammate">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem_auto] sm:items-start">
          <TextField label="Email" type="email" autoComplete="off" autoCapitalize="none" spellCheck={false} error={formState.errors.email?.message} {...register('email')} />
          <SelectField label="Role" options={ROLE_OPTIONS} error={formState.errors.role?.message} {...register('role')} />
          <div className="sm:pt-7">
            <Button type="submit" fullWidth={false} className="w-full sm:w-auto" disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
              Create invitation
            </Button>
          </div>
        </div>
      </form>
      {link ? (
        <div role="status" className="space-y-3 rounded-lg border border-green-200 bg-green-50 p-4">
          <p className="text-sm wrap-anywhere text-green-900">
            {link.emailed ? 'We emailed an invitation' : 'We could not email the invitation, so send it yourself: it is an invitation'} for{' '}
            <strong className="font-semibold">{link.email}</strong> as <strong className="font-semibold">{link.role}</strong>.{' '}
            {link.emailed ? 'You can also pass on this link yourself' : 'Send them this link'}: it works once, for 7 days, for that email address only. It
            is not shown again.
          </p>
          <SecretValue label="Invitation link" value={link.url} testId="invitation-link" />
        </div>
      ) : null}
    </div>
  );
}
