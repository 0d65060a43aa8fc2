import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfirmButton } from '@/components/admin/confirm-button';
import { DeleteButton } from '@/components/admin/delete-button';
import { UserBadges } from '@/components/admin/user-badges';
import { absoluteDate } from '@/components/account/format-date';
import { describeUserAgent } from '@/lib/account/describe-user-agent';
import { Breadcrumb } from '@/components/portal/breadcrumb';
import { DangerRow, DangerSection } from '@/components/portal/danger-section';
import { formatDate } from '@/components/portal/format';
import { PageHeader, Section } from '@/components/portal/page-header';
import { TextLink } from '@/components/ui/text-link';
import { getUser } from '@/lib/admin';
import { isNotFound } from '../../_lib/failure';
import { operatorPage } from '../../_lib/operator';
import { deleteUserAction, endSessionsAction, resetTwoFactorAction, setUserDisabledAction } from '../actions';

export const metadata: Metadata = { title: 'User' };

const browserOf = (userAgent: string | null) => describeUserAgent(userAgent) ?? 'Unknown browser';

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const { db, actor, config, user: me } = await operatorPage(`/admin/users/${encodeURIComponent(userId)}`);
  const user = await getUser(db, actor, userId, new Date(), { absoluteTimeoutSeconds: config.sessionAbsoluteTimeout }).catch((err: unknown) => {
    if (isNotFound(err)) notFound();
    throw err;
  });
  const self = user.id === me.id;

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={<Breadcrumb parent={{ href: '/admin/users', label: 'Users' }} current={user.email} />}
        title={user.email}
        description={
          <div className="space-y-2">
            <UserBadges user={user} />
            <p>
              {user.name ? `${user.name} · ` : ''}Created {formatDate(user.createdAt)}
              {user.disabledAt ? ` · Disabled ${formatDate(user.disabledAt)}` : ''} · {user.personalAccessTokens} live API token{user.personalAccessTokens === 1 ? '' : 's'}
            </p>
          </div>
        }
      />

      <div className="grid gap-6 md:grid-cols-2">
        <Section title="Teams" description="Where this account develops apps, and its role there.">
          {user.teams.length ? (
            <ul className="space-y-2 text-sm">
              {user.teams.map((team) => (
                <li key={team.id} className="flex min-w-0 items-center justify-between gap-3">
                  <TextLink href={`/admin/apps?team=${encodeURIComponent(team.id)}`} className="min-w-0 truncate">
                    {team.name}
                  </TextLink>
                  <span className="shrink-0 text-zinc-600">{team.role}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-zinc-600">No teams.</p>
          )}
        </Section>
        <Section title="Groups" description="Groups give access to apps limited to assigned users.">
          {user.groups.length ? (
            <ul className="flex flex-wrap gap-2 text-sm">
              {user.groups.map((group) => (
                <li key={group.id}>
                  <TextLink href={`/admin/groups/${encodeURIComponent(group.id)}`}>{group.name}</TextLink>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-zinc-600">In no group.</p>
          )}
        </Section>
      </div>

      <Section
        id="sessions"
        title={`Browser sessions (${user.sessions.length})`}
        description="Where this account is signed in to Portico. Signing out ends the session at its next request and tells the apps that use it."
        actions={
          user.sessions.length ? (
            <ConfirmButton
              label="Sign out everywhere"
              title={`Sign ${user.email} out everywhere?`}
              description="Every browser session of this account ends. Tokens already given to apps keep working until they expire; disable the account to end those too."
              confirmLabel="Sign out everywhere"
              action={endSessionsAction.bind(null, user.id, null)}
            />
          ) : null
        }
      >
        {user.sessions.length ? (
          <ul className="divide-y divide-zinc-200" aria-label="Sessions">
            {user.sessions.map((session) => (
              <li key={session.id} className="flex flex-col gap-3 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between" data-testid="session-row">
                <div className="min-w-0 text-sm">
                  <p className="font-medium wrap-break-word text-zinc-900">{browserOf(session.userAgent)}</p>
                  <p className="text-zinc-600 wrap-break-word">
                    {session.ip ?? 'unknown address'} · signed in {absoluteDate(session.createdAt)} · last seen {absoluteDate(session.lastSeenAt)}
                    {session.amr.includes('mfa') ? ' · two-step' : ''}
                  </p>
                </div>
                <ConfirmButton
                  label="Sign out"
                  accessibleLabel={`Sign out the session of ${browserOf(session.userAgent)}`}
                  title="Sign out this session?"
                  description="The browser is signed out at its next request."
                  confirmLabel="Sign out"
                  action={endSessionsAction.bind(null, user.id, session.id)}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-zinc-600">Not signed in anywhere.</p>
        )}
      </Section>

      <DangerSection>
        <div className="divide-y divide-zinc-200">
          <DangerRow
            title={user.disabledAt ? 'Enable this account' : 'Disable this account'}
            description={
              self
                ? 'This is your own account: another operator must disable it.'
                : user.disabledAt
                  ? 'The account can sign in again. Apps ask for consent as before.'
                  : 'Signs the account out everywhere, revokes every token apps and API scripts hold for it, and refuses its sign-ins until enabled.'
            }
            action={
              self ? null : user.disabledAt ? (
                <ConfirmButton
                  label="Enable account"
                  title={`Enable ${user.email}?`}
                  description="The account can sign in again."
                  confirmLabel="Enable account"
                  action={setUserDisabledAction.bind(null, user.id, false)}
                />
              ) : (
                <ConfirmButton
                  tone="danger"
                  label="Disable account"
                  title={`Disable ${user.email}?`}
                  description="Every session ends now and every token this account holds is revoked; apps are told. Sign-in is refused with a message until you enable the account again."
                  confirmLabel="Disable account"
                  action={setUserDisabledAction.bind(null, user.id, true)}
                />
              )
            }
          />
          <DangerRow
            title="Reset two-step verification"
            description={
              user.twoFactor
                ? 'For someone who lost their authenticator app and recovery codes: their next sign-in asks only for the password, and they can set up a new app.'
                : 'Two-step verification is off for this account.'
            }
            action={
              user.twoFactor ? (
                <ConfirmButton
                  label="Reset two-step"
                  title={`Reset two-step verification of ${user.email}?`}
                  description="The authenticator app and every recovery code stop working. Make sure you know this request really comes from the account's owner."
                  confirmLabel="Reset two-step verification"
                  action={resetTwoFactorAction.bind(null, user.id)}
                />
              ) : null
            }
          />
          <DangerRow
            title="Delete this account"
            description={
              self
                ? 'This is your own account: delete it from your account settings.'
                : 'Removes the account, its sessions and tokens, its memberships, and the teams only it belongs to with their apps. This cannot be undone.'
            }
            action={self ? <Link href="/account/delete" className="text-sm font-medium underline">Account settings</Link> : <DeleteButton
                  label="Delete account"
                  noun="account"
                  name={user.email}
                  consequences="The account, its sessions and tokens, its group and team memberships and the teams only it belongs to (with their apps) are removed for good. Apps it used are told."
                  action={deleteUserAction.bind(null, user.id)}
                />}
          />
        </div>
      </DangerSection>
    </div>
  );
}
