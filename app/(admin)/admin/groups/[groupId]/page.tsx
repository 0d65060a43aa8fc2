import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AddByEmailForm } from '@/components/admin/add-by-email-form';
import { ConfirmButton } from '@/components/admin/confirm-button';
import { DeleteButton } from '@/components/admin/delete-button';
import { GroupDetailsForm } from '@/components/admin/group-details-form';
import { Breadcrumb } from '@/components/portal/breadcrumb';
import { DangerRow, DangerSection } from '@/components/portal/danger-section';
import { PageHeader, Section } from '@/components/portal/page-header';
import { TextLink } from '@/components/ui/text-link';
import { getGroup } from '@/lib/admin';
import { isNotFound } from '../../_lib/failure';
import { operatorPage } from '../../_lib/operator';
import { addMemberAction, deleteGroupAction, removeMemberAction, updateGroupAction } from '../actions';

export const metadata: Metadata = { title: 'Group' };

export default async function GroupPage({ params }: { params: Promise<{ groupId: string }> }) {
  const { groupId } = await params;
  const { db, actor } = await operatorPage(`/admin/groups/${encodeURIComponent(groupId)}`);
  const group = await getGroup(db, actor, groupId).catch((err: unknown) => {
    if (isNotFound(err)) notFound();
    throw err;
  });

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={<Breadcrumb parent={{ href: '/admin/groups', label: 'Groups' }} current={group.name} />}
        title={group.name}
        description={group.description ?? `${group.members} member${group.members === 1 ? '' : 's'} · ${group.apps} app${group.apps === 1 ? '' : 's'}`}
      />

      <Section id="members" title={`Members (${group.members})`} description="Members may sign in to the apps this group is assigned to.">
        <div className="space-y-4">
          {group.memberList.length ? (
            <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200" aria-label="Members">
              {group.memberList.map((member) => (
                <li key={member.id} className="flex items-center justify-between gap-3 px-3 py-2" data-testid="member-row">
                  <span className="min-w-0 text-sm">
                    <TextLink href={`/admin/users/${encodeURIComponent(member.id)}`} className="block truncate">
                      {member.email}
                    </TextLink>
                    {member.name ? <span className="block truncate text-zinc-600">{member.name}</span> : null}
                  </span>
                  <ConfirmButton
                    label="Remove"
                    accessibleLabel={`Remove ${member.email}`}
                    title={`Remove ${member.email} from ${group.name}?`}
                    description="Apps they could use only through this group refuse them at their next sign-in and give them no new tokens."
                    confirmLabel="Remove member"
                    action={removeMemberAction.bind(null, group.id, member.id)}
                  />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-zinc-600">No members yet.</p>
          )}
          <AddByEmailForm label="Add a member by email" buttonLabel="Add member" action={addMemberAction.bind(null, group.id)} />
        </div>
      </Section>

      <Section id="apps" title={`Apps (${group.apps})`} description="Assign the group from an app’s page, under “Who may sign in”.">
        {group.appList.length ? (
          <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm" aria-label="Apps">
            {group.appList.map((app) => (
              <li key={app.id} className="min-w-0">
                <TextLink href={`/admin/apps/${encodeURIComponent(app.id)}#access`} className="wrap-break-word">
                  {app.name}
                </TextLink>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-zinc-600">Not assigned to any app.</p>
        )}
      </Section>

      <Section id="details" title="Name and description">
        <GroupDetailsForm group={{ name: group.name, description: group.description }} action={updateGroupAction.bind(null, group.id)} />
      </Section>

      <DangerSection>
        <DangerRow
          title="Delete this group"
          description="Its memberships and app assignments go with it. Members lose the apps they could use only through it."
          action={<DeleteButton
                label="Delete group"
                noun="group"
                name={group.name}
                consequences="Its members lose the apps they could use only through it, at their next sign-in or token refresh."
                action={deleteGroupAction.bind(null, group.id)}
              />}
        />
      </DangerSection>
    </div>
  );
}
