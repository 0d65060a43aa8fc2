import Link from 'next/link';
import { InviteForm } from '@/components/portal/invite-form';
import { MemberList } from '@/components/portal/member-list';
import { Section } from '@/components/portal/page-header';
import { PendingInvitationList } from '@/components/portal/pending-invitation-list';
import { ROLE_DESCRIPTIONS } from '@/components/portal/roles';
import { textLinkClass } from '@/components/ui/text-link';
import { listMembers } from '@/lib/portal';
import { loadApp } from '../../../../_lib/load-app';
import { changeRole, invite, remove, resend, revoke } from '../../../teams/[teamId]/actions';

export default async function AppTeamPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { app, db, actor } = await loadApp((await params).clientId);
  const { members, invitations } = await listMembers(db, actor, app.team.id);
  const isOwner = app.role === 'owner';
  const teamHref = `/developers/teams/${encodeURIComponent(app.team.id)}`;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-6">
        <Section
          id="members"
          title={`Members of ${app.team.name}`}
          description={
            <>
              Access is per team: members can reach every app this team owns.{' '}
              <Link href={teamHref} className={textLinkClass}>
                Manage the team
              </Link>
            </>
          }
        >
          <MemberList teamId={app.team.id} members={members} currentUserId={actor.userId} isOwner={isOwner} changeRole={changeRole} remove={remove} />
        </Section>

        {isOwner ? (
          <Section id="invite" title="Invite a teammate" description="We email them a link; they sign in (or create an account) with that address and accept.">
            <InviteForm teamId={app.team.id} action={invite} />
          </Section>
        ) : null}

        {isOwner && invitations.length ? (
          <Section id="pending" title="Pending invitations">
            <PendingInvitationList teamId={app.team.id} invitations={invitations} resend={resend} revoke={revoke} />
          </Section>
        ) : null}
      </div>

      <aside className="min-w-0">
        <Section id="roles" title="Roles">
          <dl className="space-y-3">
            {(Object.keys(ROLE_DESCRIPTIONS) as (keyof typeof ROLE_DESCRIPTIONS)[]).map((role) => (
              <div key={role}>
                <dt className="text-sm font-medium text-zinc-900 capitalize">{role}</dt>
                <dd className="text-sm text-zinc-600">{ROLE_DESCRIPTIONS[role]}</dd>
              </div>
            ))}
          </dl>
          {!isOwner ? <p className="mt-4 border-t border-zinc-200 pt-4 text-sm text-zinc-600">Only owners invite people and change roles.</p> : null}
        </Section>
      </aside>
    </div>
  );
}
