'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SecretValue } from '@/components/ui/secret-reveal';
import type { PendingInvitation, TeamRole } from '@/lib/portal/types';
import { UNREACHABLE, type ActionResult } from './action-result';
import { formatDate } from './format';

type Sent = { url: string; email: string; role: TeamRole; emailed: boolean };
type Resend = (teamId: string, invitationId: string) => Promise<ActionResult<Sent>>;
type Revoke = (teamId: string, invitationId: string) => Promise<ActionResult>;

/**
 * A team's pending invitations (owners only): who, as what, until when, and two actions. Resend
 * mails a new link (the old one stops working, the 7 days start again) and shows it once; Revoke,
 * after a confirmation, makes the link stop working at once.
 */
export function PendingInvitationList({
  teamId,
  invitations,
  resend,
  revoke,
}: {
  teamId: string;
  invitations: readonly PendingInvitation[];
  resend: Resend;
  revoke: Revoke;
}) {
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<PendingInvitation | null>(null);

  function clear() {
    setError(null);
    setSent(null);
    setNotice(null);
  }

  async function onResend(invitation: PendingInvitation) {
    clear();
    setBusy(invitation.id);
    const result = await resend(teamId, invitation.id).catch(() => UNREACHABLE);
    setBusy(null);
    if (result.ok) setSent(result.data);
    else setError(result.error);
  }

  async function onRevoke() {
    if (!revoking) return;
    const invitation = revoking;
    clear();
    setBusy(invitation.id);
    const result = await revoke(teamId, invitation.id).catch(() => UNREACHABLE);
    setBusy(null);
    setRevoking(null);
    if (result.ok) setNotice(`The invitation for ${invitation.email} is revoked: its link no longer works.`);
    else setError(result.error);
  }

  return (
    <div className="flex flex-col gap-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {notice ? (
        <Alert tone="success">
          <span className="wrap-anywhere">{notice}</span>
        </Alert>
      ) : null}
      {sent ? (
        <div role="status" className="space-y-3 rounded-lg border border-green-200 bg-green-50 p-4">
          <p className="text-sm wrap-anywhere text-green-900">
            {sent.emailed ? 'We emailed a new invitation link to' : 'We could not email the new link: send it yourself to'}{' '}
            <strong className="font-semibold">{sent.email}</strong>. The earlier link no longer works; this one works once, for 7 days. It is not shown
            again.
          </p>
          <SecretValue label="New invitation link" value={sent.url} testId="resent-invitation-link" />
        </div>
      ) : null}
      {invitations.length ? (
        <ul className="divide-y divide-zinc-200" aria-label="Pending invitations">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center" data-testid="invitation-row">
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-zinc-900" title={invitation.email}>
                  {invitation.email}
                </p>
                <p className="text-sm text-zinc-600">
                  <span className="capitalize">{invitation.role}</span> · expires {formatDate(invitation.expiresAt)}
                </p>
              </div>
              <div className="flex shrink-0 gap-2">
                <Button
                  variant="secondary"
                  size="sm"
                  fullWidth={false}
                  onClick={() => onResend(invitation)}
                  disabled={busy !== null}
                  aria-busy={busy === invitation.id}
                  aria-label={`Resend the invitation for ${invitation.email}`}
                >
                  Resend
                </Button>
                <Button
                  variant="ghost"
                  size="sm"
                  fullWidth={false}
                  onClick={() => setRevoking(invitation)}
                  disabled={busy !== null}
                  aria-label={`Revoke the invitation for ${invitation.email}`}
                >
                  Revoke
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-600">No pending invitations.</p>
      )}
      <Dialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={`Revoke the invitation for ${revoking?.email ?? 'this person'}?`}
        description="The link stops working at once; opening it says the invitation was withdrawn. You can invite them again later."
      >
        <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" fullWidth={false} onClick={() => setRevoking(null)} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" fullWidth={false} onClick={onRevoke} disabled={busy !== null} aria-busy={busy !== null}>
            Revoke invitation
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
