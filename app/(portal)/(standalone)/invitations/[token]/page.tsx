import type { Metadata } from 'next';
import { AcceptInvitationForm } from '@/components/portal/accept-invitation-form';
import { SignOutLink } from '@/components/portal/sign-out-link';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { TextLink } from '@/components/ui/text-link';
import { getSignedInUser } from '@/lib/auth/session';
import { describeInvitation, type InvitationDescription } from '@/lib/portal';
import { getRuntime } from '@/lib/server/runtime';
import { accept } from './actions';

const ROLE_LABEL = { owner: 'an owner', developer: 'a developer', viewer: 'a viewer (read-only)' } as const;

// The token is in the path: never send it onwards in a Referer header.
export const metadata: Metadata = { title: 'Join a team', referrer: 'no-referrer' };

type Problem = { title: string; text: string };

/** Why a link cannot be used, as a page of its own: what happened and what to do. */
function problemOf(invitation: InvitationDescription | null): Problem | null {
  if (!invitation) {
    return {
      title: 'Invitation not found',
      text:
        'This invitation link is not valid. Check that you opened the whole link. If a team owner sent the invitation again, only the link in the ' +
        'newest email works; otherwise ask them for a new one.',
    };
  }
  const team = invitation.teamName;
  switch (invitation.status) {
    case 'revoked':
      return { title: 'Invitation withdrawn', text: `A team owner of ${team} withdrew this invitation. Ask them to invite you again if you still need access.` };
    case 'expired':
      return { title: 'Invitation expired', text: `This invitation has expired: invitations work for 7 days. Ask a team owner of ${team} to send it again.` };
    case 'used':
      return { title: 'Invitation already used', text: `This invitation has already been used. If you accepted it, ${team} is in your developer portal; otherwise ask a team owner for a new one.` };
    case 'pending':
      return null;
  }
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await getSignedInUser();
  const here = `/invitations/${encodeURIComponent(token)}`;
  const invitation = await describeInvitation((await getRuntime()).db, token);
  const problem = problemOf(invitation);

  if (problem || !invitation) {
    return (
      <Card className="space-y-4" data-testid="invitation-problem">
        <h1 className="text-2xl font-semibold tracking-tight text-balance">{problem?.title}</h1>
        <Alert tone="error">
          <span className="wrap-anywhere">{problem?.text}</span>
        </Alert>
        <p className="text-sm">
          <TextLink href={user ? '/developers' : '/'}>{user ? 'Go to the developer portal' : 'Go to the home page'}</TextLink>
        </p>
      </Card>
    );
  }

  return (
    <Card className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight text-balance wrap-anywhere">You are invited to join {invitation.teamName}</h1>
        <p className="text-sm text-zinc-700">As {ROLE_LABEL[invitation.role]}. Accept with the account of the email address the invitation was sent to.</p>
      </header>
      {user ? (
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
