import { ActivityChart } from '@/components/portal/activity-chart';
import { Section } from '@/components/portal/page-header';
import { getClientActivity, listAuthorizationRejections } from '@/lib/portal';
import { loadApp } from '../../../../_lib/load-app';

export default async function ActivityPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { app, db, actor } = await loadApp((await params).clientId);
  const [activity, rejections] = await Promise.all([getClientActivity(db, actor, app.id), listAuthorizationRejections(db, actor, app.id)]);
  const stats: [string, string][] = [
    ['Sign-ins (30 days)', activity.totals.signIns.toLocaleString('en')],
    ['Tokens issued (30 days)', activity.totals.tokens.toLocaleString('en')],
    ['Users who granted access', activity.activeUsers.toLocaleString('en')],
    ['Last used', activity.lastUsedAt ? activity.lastUsedAt.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : 'Never'],
  ];
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {stats.map(([label, value]) => (
          <div key={label} className="rounded-xl border border-zinc-200 bg-white px-4 py-3 shadow-sm">
            <dt className="text-xs font-medium text-zinc-600">{label}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums text-zinc-900">{value}</dd>
          </div>
        ))}
      </dl>
      <Section title="Last 30 days" description="Counted per day (UTC) as they happen.">
        <div className="space-y-8 px-5 py-5 sm:px-6">
          <ActivityChart label="Sign-ins" points={activity.days.map((d) => ({ day: d.day, value: d.signIns }))} color="#2563eb" />
          <ActivityChart label="Tokens issued" points={activity.days.map((d) => ({ day: d.day, value: d.tokens }))} color="#18181b" />
        </div>
      </Section>
      <Section
        title="Refused sign-in requests"
        description="Requests Portico answered with its own error page instead of sending the user back to your app (the last 30 days, repeats within a minute shown once)."
      >
        {rejections.length === 0 ? (
          <p className="px-5 py-5 text-sm text-zinc-600 sm:px-6">None: every sign-in request for this app was well formed.</p>
        ) : (
          <ul aria-label="Refused sign-in requests" className="divide-y divide-zinc-100">
            {rejections.map((r) => (
              <li key={`${r.at.toISOString()}-${r.reason}`} className="space-y-1 px-5 py-3 text-sm sm:px-6">
                <p className="font-medium text-zinc-900">{r.reason}</p>
                <p className="text-zinc-600 [overflow-wrap:anywhere]">
                  redirect_uri sent: <code className="text-zinc-800">{r.redirectUri ?? '(none)'}</code>
                </p>
                <p className="text-xs text-zinc-500">{r.at.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC</p>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
