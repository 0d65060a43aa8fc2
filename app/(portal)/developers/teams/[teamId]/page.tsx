import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/portal/breadcrumb';
import { InviteForm } from '@/components/portal/invite-form';
import { MemberList } from '@/components/portal/member-list';
import { PageHeader, Section } from '@/components/portal/page-header';
import { PendingInvitationList } from '@/components/portal/pending-invitation-list';
import { TeamNameForm } from '@/components/portal/team-name-form';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { listMembers, listTeams } from '@/lib/portal';
import { requirePortalUser } from '../../../_lib/session';
import { changeRole, invite, remove, rename, resend, revoke } from './actions';

export const metadata: Metadata = { title: 'Team' };

type Params = Promise<{ teamId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * One team: its name (owners rename it), members and roles, invitations by email (owners send,
 * resend and revoke them), and a link to its apps. Someone outside the team gets the portal's
 * not-found page, as for an id that does not exist.
 */
export default async function TeamPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const teamId = (await params).teamId;
  const created = (await searchParams).created === '1';
  const { db, actor } = await requirePortalUser(`/developers/teams/${encodeURIComponent(teamId)}`);
  const team = (await listTeams(db, actor)).find((t) => t.id === teamId);
  if (!team) notFound();
  const { members, invitations } = await listMembers(db, actor, team.id);
  const isOwner = team.role === 'owner';

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div className="space-y-4">
        <Breadcrumb parent={{ href: '/developers/teams', label: 'Teams' }} current={team.name} />
        <PageHeader
          title={team.name}
          description={
            <span className="flex flex-wrap items-center gap-2">
              {team.personal ? <Badge>Personal</Badge> : null}
              <span>
                Your role: <span className="font-medium text-zinc-900 capitalize">{team.role}</span>
              </span>
            </span>
          }
          actions={
            <Link href={`/developers?team=${encodeURIComponent(team.id)}`} className={buttonClass({ variant: 'secondary', fullWidth: false })}>
              Apps of this team
            </Link>
          }
        />
      </div>
      {created ? <Alert tone="success">Team created. Invite the people you build with: each gets an email with a link to join.</Alert> : null}

      {isOwner ? (
        <Section id="name" title="Team name">
          <TeamNameForm action={rename.bind(null, team.id)} defaultName={team.name} submitLabel="Rename" />
        </Section>
      ) : null}

      <Section id="members" title="Members" description="Access is per team: members can reach every app and API this team owns.">
        <MemberList teamId={team.id} members={members} currentUserId={actor.userId} isOwner={isOwner} changeRole={changeRole} remove={remove} />
      </Section>

      {isOwner ? (
        <>
          <Section id="invite" title="Invite a teammate" description="We email them a link; they sign in (or create an account) with that address and accept.">
            <InviteForm teamId={team.id} action={invite} />
          </Section>
          <Section id="pending" title="Pending invitations">
            <PendingInvitationList teamId={team.id} invitations={invitations} resend={resend} revoke={revoke} />
          </Section>
        </>
      ) : (
        <p className="text-sm text-zinc-600">Only owners invite people, rename the team and change roles.</p>
      )}
    </div>
  );
}
