import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';

type Values = Record<'actor' | 'action' | 'clientId' | 'teamId' | 'from' | 'to', string>;

/** The audit log's filters as a plain GET form: a filtered view can be linked, reloaded and exported. */
export function AuditFilters({ values }: { values: Record<string, string> }) {
  const v = values as Values;
  return (
    <form action="/admin/audit" method="get" aria-label="Filter the audit log" className="space-y-4 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TextField label="Actor" name="actor" defaultValue={v.actor} placeholder="Email address or user ID" autoComplete="off" />
        <TextField label="Action" name="action" defaultValue={v.action} placeholder="e.g. admin. or client.disabled" hint="Matches actions that start with it." autoComplete="off" />
        <TextField label="App (client ID)" name="clientId" defaultValue={v.clientId} autoComplete="off" />
        <TextField label="Team ID" name="teamId" defaultValue={v.teamId} autoComplete="off" />
        <TextField label="From" name="from" type="date" defaultValue={v.from} hint="Whole days, UTC." />
        <TextField label="To" name="to" type="date" defaultValue={v.to} hint="Included." />
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <a href="/admin/audit" className="inline-flex items-center rounded-md px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100">
          Clear filters
        </a>
        <Button type="submit" variant="secondary" size="sm" fullWidth={false}>
          Apply filters
        </Button>
      </div>
    </form>
  );
}
