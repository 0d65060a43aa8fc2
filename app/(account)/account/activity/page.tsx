import type { Metadata } from 'next';
import { absoluteDate, relativeDate } from '@/components/account/format-date';
import { ACTIVITY_LIMIT, listSecurityActivity } from '@/lib/account/list-security-activity';
import { getRuntime } from '@/lib/server/runtime';
import { requireAccountUser } from '../../_lib/require-user';

export const metadata: Metadata = { title: 'Security activity' };

export default async function SecurityActivityPage() {
  const user = await requireAccountUser('/account/activity');
  const now = new Date();
  const lines = await listSecurityActivity((await getRuntime()).db, { userId: user.id });

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Security activity</h1>
        <p className="text-sm text-zinc-700">
          Sign-ins, changes to your password, email and two-step verification, and the access you gave or took back, newest first (the last {ACTIVITY_LIMIT}). If something here was not you, change your password and
          revoke access for apps you do not recognise.
        </p>
      </header>
      {lines.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-10 text-center text-sm text-zinc-700">No activity yet.</p>
      ) : (
        <ol aria-label="Security activity" className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white shadow-sm">
          {lines.map((line) => (
            <li key={line.id} className="flex flex-col gap-1 px-5 py-4 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
              <div className="min-w-0 space-y-0.5">
                <p className="text-sm font-medium wrap-break-word text-zinc-900">{line.text}</p>
                {line.detail ? <p className="text-sm wrap-break-word text-zinc-600">{line.detail}</p> : null}
              </div>
              <p className="shrink-0 text-sm text-zinc-600 sm:text-right">
                <time dateTime={line.at.toISOString()} title={absoluteDate(line.at)}>
                  {relativeDate(line.at, now)}
                </time>
                <span className="text-xs text-zinc-500 sm:block">
                  <span aria-hidden="true" className="sm:hidden">
                    {' · '}
                  </span>
                  {absoluteDate(line.at)}
                </span>
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
