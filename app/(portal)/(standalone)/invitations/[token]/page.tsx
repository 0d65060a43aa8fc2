import type { Metadata } from 'next';
import { AcceptInvitationForm } from '@/components/portal/accept-invitation-form';
import { SignOutLink } from '@/components/portal/sign-out-link';
import { Card } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { getSignedInUser } from '@/lib/auth/session';
import { Alert } from '@/components/ui/alert';
import { describeInvitation } from '@/lib/portal';
import { getRuntime } from '@/lib/server/runtime';
import { accept } from './actions';

const ROLE_LABEL = { owner: 'an owner', developer: 'a developer', viewer: 'a viewer (read-only)' } as const;

// The token is in the path: never send it onwards in a Referer header.
export const metadata: Metadata = { title: 'Join a team', referrer: 'no-referrer' };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await getSignedInUser();
  const here = `/invitations/${encodeURIComponent(token)}`;
  const invitation = await describeInvitation((await getRuntime()).db, token);
  const unusable = !invitation
    ? 'This invitation link is not valid. Check that you copied all of it, or ask a team owner for a new one.'
    : invitation.status === 'used'
      ? 'This invitation has already been used. Ask a team owner for a new one.'
      : invitation.status === 'expired'
        ? 'This invitation has expired. Ask a team owner for a new one.'
        : null;

  return (
    <Card className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight text-balance">
          {invitation ? `You are invited to join ${invitation.teamName}` : 'You are invited to a team'}
        </h1>
        <p className="text-sm text-zinc-700">
          {invitation ? `As ${ROLE_LABEL[invitation.role]}. ` : ''}Accept with the account of the email address the invitation was sent to.
        </p>
      </header>
      {unusable ? (
        <Alert tone="error">{unusable}</Alert>
      ) : user ? (
        <>
          <p className="text-sm text-zinc-800">
            Signed in as <strong className="font-semibold wrap-break-word text-zinc-900">{user.email}</strong>.
          </p>
          <AcceptInvitationForm token={token} action={accept} />
          <div className="flex items-center justify-between gap-3 border-t border-zinc-200 pt-4 text-sm text-zinc-700">
            <span>Invited with another address?</span>
            <SignOutLink then={`/login?callbackUrl=${encodeURIComponent(here)}`} label="Switch account" />
          </div>
        </>
      ) : (
        <div className="flex flex-col gap-3">
          <a href={`/login?callbackUrl=${encodeURIComponent(here)}`} className={buttonClass()}>
            Sign in to accept
          </a>
          <a href={`/signup?callbackUrl=${encodeURIComponent(here)}`} className={buttonClass({ variant: 'secondary' })}>
            Create an account
          </a>
        </div>
      )}
    </Card>
  );
}
