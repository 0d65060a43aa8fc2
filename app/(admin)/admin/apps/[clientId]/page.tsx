import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccessPolicyForm } from '@/components/admin/access-policy-form';
import { AddByEmailForm } from '@/components/admin/add-by-email-form';
import { AppBadges } from '@/components/admin/app-badges';
import { AssignGroupForm } from '@/components/admin/assign-group-form';
import { ConfirmButton } from '@/components/admin/confirm-button';
import { Breadcrumb } from '@/components/portal/breadcrumb';
import { DangerRow, DangerSection } from '@/components/portal/danger-section';
import { PageHeader, Section } from '@/components/portal/page-header';
import { TextLink } from '@/components/ui/text-link';
import { getApp, getAppAccess, listGroups } from '@/lib/admin';
import { isNotFound } from '../../_lib/failure';
import { operatorPage } from '../../_lib/operator';
import {
  assignGroupAction, assignUserAction, setAccessPolicyAction, setAppDisabledAction, setAppVerifiedAction, unassignGroupAction, unassignUserAction,
} from '../actions';

export const metadata: Metadata = { title: 'App' };

export default async function AdminAppPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const { db, actor } = await operatorPage(`/admin/apps/${encodeURIComponent(clientId)}`);
  const [app, access, groups] = await Promise.all([getApp(db, actor, clientId), getAppAccess(db, actor, clientId), listGroups(db, actor)]).catch((err: unknown) => {
    if (isNotFound(err)) notFound();
    throw err;
  });
  const unassignedGroups = groups.filter((g) => !access.groups.some((a) => a.id === g.id));

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={<Breadcrumb parent={{ href: '/admin/apps', label: 'Apps' }} current={app.name} />}
        title={app.name}
        description={
          <div className="space-y-2">
            <AppBadges app={app} />
            <p className="wrap-break-word">
              <code className="font-mono text-[13px]">{app.id}</code> · {app.team ? `Team ${app.team.name}` : 'Operator-managed (CLI)'}
              {app.owners.length ? ` · owners ${app.owners.map((o) => o.email).join(', ')}` : ''}
            </p>
          </div>
        }
      />

      <Section
        id="access"
        title="Who may sign in"
        description="Everyone with an account, or only the users and groups assigned here. Anyone else is refused at sign-in (the app receives access_denied) and gets no new tokens."
      >
        <div className="space-y-6">
          <AccessPolicyForm policy={access.policy} appName={app.name} action={setAccessPolicyAction.bind(null, app.id)} />
          {access.policy === 'everyone' && (access.users.length || access.groups.length) ? (
            <p className="text-sm text-zinc-600">The assignments below apply once you limit the app to assigned users and groups.</p>
          ) : null}
          <div className="grid gap-6 lg:grid-cols-2">
            <div className="min-w-0 space-y-3">
              <h3 className="text-sm font-semibold text-zinc-900">Assigned users ({access.users.length})</h3>
              {access.users.length ? (
                <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200" aria-label="Assigned users">
                  {access.users.map((user) => (
                    <li key={user.id} className="flex items-center justify-between gap-3 px-3 py-2">
                      <TextLink href={`/admin/users/${encodeURIComponent(user.id)}`} className="min-w-0 truncate text-sm">
                        {user.email}
                      </TextLink>
                      <ConfirmButton
                        label="Remove"
                        accessibleLabel={`Remove ${user.email}`}
                        title={`Remove ${user.email} from ${app.name}?`}
                        description="If the app is limited to assigned users, they are refused at their next sign-in and get no new tokens (unless a group still gives them access)."
                        confirmLabel="Remove"
                        action={unassignUserAction.bind(null, app.id, user.id)}
                      />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-zinc-600">No users assigned directly.</p>
              )}
              <AddByEmailForm label="Assign a user by email" buttonLabel="Assign user" action={assignUserAction.bind(null, app.id)} />
            </div>
            <div className="min-w-0 space-y-3">
              <h3 className="text-sm font-semibold text-zinc-900">Assigned groups ({access.groups.length})</h3>
              {access.groups.length ? (
                <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200" aria-label="Assigned groups">
                  {access.groups.map((group) => (
                    <li key={group.id} className="flex items-center justify-between gap-3 px-3 py-2">
                      <span className="min-w-0 text-sm">
                        <TextLink href={`/admin/groups/${encodeURIComponent(group.id)}`} className="block truncate">
                          {group.name}
                        </TextLink>
                        <span className="text-zinc-600">{group.members} member{group.members === 1 ? '' : 's'}</span>
                      </span>
                      <ConfirmButton
                        label="Remove"
                        accessibleLabel={`Remove group ${group.name}`}
                        title={`Remove the group ${group.name} from ${app.name}?`}
                        description="Its members who have no other assignment are refused at their next sign-in and get no new tokens."
                        confirmLabel="Remove group"
                        action={unassignGroupAction.bind(null, app.id, group.id)}
                      />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-zinc-600">No groups assigned.</p>
              )}
              <AssignGroupForm groups={unassignedGroups.map((g) => ({ id: g.id, name: g.name }))} action={assignGroupAction.bind(null, app.id)} />
            </div>
          </div>
        </div>
      </Section>

      <Section
        id="verification"
        title="Verification"
        description="Mark the app verified once you have checked who runs it: the consent screen then names it as verified, and sends people back to it without asking."
        actions={
          app.verified ? (
            <ConfirmButton
              label="Remove verification"
              title={`Remove the verification of ${app.name}?`}
              description="The consent screen shows the app as unverified again."
              confirmLabel="Remove verification"
              action={setAppVerifiedAction.bind(null, app.id, false)}
            />
          ) : (
            <ConfirmButton
              tone="primary"
              label="Verify app"
              title={`Verify ${app.name}?`}
              description="Do this only once you know who runs the app and that its redirect URIs are theirs."
              confirmLabel="Verify app"
              action={setAppVerifiedAction.bind(null, app.id, true)}
            />
          )
        }
      >
        <p className="text-sm text-zinc-700">{app.verified ? 'Verified: the consent screen says so.' : 'Not verified.'}</p>
      </Section>

      <DangerSection>
        <DangerRow
          title={app.disabled ? 'Enable this app' : 'Disable this app'}
          description={
            app.disabled
              ? 'The app can sign users in and get tokens again.'
              : 'Portico refuses the app’s sign-ins and token requests until it is enabled again, whatever its team does. Tokens already issued keep working until they expire.'
          }
          action={
            app.disabled ? (
              <ConfirmButton label="Enable app" title={`Enable ${app.name}?`} description="The app can get tokens again." confirmLabel="Enable app" action={setAppDisabledAction.bind(null, app.id, false)} />
            ) : (
              <ConfirmButton
                tone="danger"
                label="Disable app"
                title={`Disable ${app.name}?`}
                description="Sign-ins and token requests are refused at once on every server. The team sees the app as disabled."
                confirmLabel="Disable app"
                action={setAppDisabledAction.bind(null, app.id, true)}
              />
            )
          }
        />
      </DangerSection>
    </div>
  );
}
