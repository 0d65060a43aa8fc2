import { ActivityChart } from '@/components/portal/activity-chart';
import { Section } from '@/components/portal/page-header';
import { getClientActivity } from '@/lib/portal';
import { loadApp } from '../../../../_lib/load-app';

export default async function ActivityPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { app, db, actor } = await loadApp((await params).clientId);
  const activity = await getClientActivity(db, actor, app.id);
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
    </div>
  );
}
