import type { Metadata } from 'next';
import { shownDate } from '@/components/account/format-date';
import { SessionList, type SessionItem } from '@/components/account/session-list';
import { describeUserAgent } from '@/lib/account/describe-user-agent';
import { listUserSessions } from '@/lib/account/user-sessions';
import { getRuntime } from '@/lib/server/runtime';
import { requireAccountUser } from '../../_lib/require-user';
import { signOutEverywhereAction, signOutSessionAction } from './actions';

export const metadata: Metadata = { title: 'Sessions' };

export default async function SessionsPage() {
  const user = await requireAccountUser('/account/sessions');
  const now = new Date();
  const { db, config } = await getRuntime();
  const sessions = await listUserSessions(db, user.id, user.sessionId, now, { absoluteTimeoutSeconds: config.sessionAbsoluteTimeout });
  const items: SessionItem[] = sessions.map((s) => ({
    id: s.id,
    device: describeUserAgent(s.userAgent) ?? 'Unknown browser',
    ip: s.ip,
    signedIn: shownDate(s.createdAt, now)!,
    lastSeen: shownDate(s.lastSeenAt, now)!,
    twoStep: s.amr.includes('mfa'),
    current: s.current,
  }));

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Sessions</h1>
        <p className="text-sm text-zinc-700">
          Browsers and devices signed in to your account. Sign out any you don&apos;t recognise, then change your password.
        </p>
      </header>
      <SessionList sessions={items} signOut={signOutSessionAction} signOutEverywhere={signOutEverywhereAction} />
    </div>
  );
}
