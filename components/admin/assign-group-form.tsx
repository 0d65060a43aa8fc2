'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { UNREACHABLE, type ActionResult } from '@/components/portal/action-result';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select';
import { TextLink } from '@/components/ui/text-link';

/** Pick a group not yet assigned to the app, and assign it. */
export function AssignGroupForm({ groups, action }: { groups: { id: string; name: string }[]; action: (input: { groupId: string }) => Promise<ActionResult> }) {
  const router = useRouter();
  const [groupId, setGroupId] = useState(groups[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Once a group is assigned it leaves the list: choose the first one left.
  useEffect(() => {
    if (!groups.some((g) => g.id === groupId)) setGroupId(groups[0]?.id ?? '');
  }, [groups, groupId]);

  if (groups.length === 0) {
    return (
      <p className="text-sm text-zinc-600">
        Every group is assigned, or there are none yet: <TextLink href="/admin/groups">create a group</TextLink>.
      </p>
    );
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await action({ groupId }).catch(() => UNREACHABLE);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <div className="min-w-0 flex-1">
          <SelectField label="Assign a group" value={groupId} onChange={(e) => setGroupId(e.target.value)} options={groups.map((g) => ({ value: g.id, label: g.name }))} />
        </div>
        <Button type="submit" variant="secondary" fullWidth={false} className="sm:mt-7" disabled={busy || !groupId} aria-busy={busy}>
          Assign group
        </Button>
      </div>
    </form>
  );
}
