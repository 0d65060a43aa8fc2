'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { TeamMemberSummary, TeamRole } from '@/lib/portal/types';
import { UNREACHABLE, type ActionResult } from './action-result';
import { formatDate } from './format';
import { ROLE_OPTIONS } from './roles';

type ChangeRole = (teamId: string, userId: string, role: TeamRole) => Promise<ActionResult>;
type Remove = (teamId: string, userId: string) => Promise<ActionResult>;

/** The team's members. Owners change roles and remove people; the rules (a team keeps an owner) are the use case's. */
export function MemberList({ teamId, members, currentUserId, isOwner, changeRole, remove }: { teamId: string; members: readonly TeamMemberSummary[]; currentUserId: string; isOwner: boolean; changeRole: ChangeRole; remove: Remove }) {
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TeamMemberSummary | null>(null);
  const [busy, setBusy] = useState(false);

  async function onRole(member: TeamMemberSummary, select: HTMLSelectElement) {
    setError(null);
    const result = await changeRole(teamId, member.userId, select.value as TeamRole).catch(() => UNREACHABLE);
    if (!result.ok) {
      select.value = member.role;
      setError(result.error);
    }
  }

  async function onRemove() {
    if (!removing) return;
    setBusy(true);
    const result = await remove(teamId, removing.userId).catch(() => UNREACHABLE);
    setBusy(false);
    setRemoving(null);
    if (!result.ok) setError(result.error);
  }

  return (
    <div className="flex flex-col gap-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ul className="divide-y divide-zinc-200" aria-label="Members">
        {members.map((member) => {
          const you = member.userId === currentUserId;
          return (
            <li key={member.userId} className="flex flex-col gap-3 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center" data-testid="member-row">
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-zinc-900">
                  {member.name ?? member.email}
                  {you ? <span className="font-normal text-zinc-600"> (you)</span> : null}
                </p>
                <p className="truncate text-sm text-zinc-600">
                  {member.name ? `${member.email} · ` : null}joined {formatDate(member.joinedAt)}
                </p>
              </div>
              {isOwner && !you ? (
                <div className="flex items-center gap-2">
                  <label className="sr-only" htmlFor={`role-${member.userId}`}>
                    Role of {member.email}
                  </label>
                  <select
                    id={`role-${member.userId}`}
                    defaultValue={member.role}
                    onChange={(event) => onRole(member, event.currentTarget)}
                    className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-focus"
                  >
                    {ROLE_OPTIONS.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                  <Button variant="ghost" size="sm" fullWidth={false} onClick={() => setRemoving(member)} aria-label={`Remove ${member.email}`}>
                    Remove
                  </Button>
                </div>
              ) : (
                <div className="shrink-0">
                  <Badge tone={member.role === 'owner' ? 'blue' : 'neutral'}>
                    <span className="capitalize">{member.role}</span>
                  </Badge>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <Dialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={`Remove ${removing?.email ?? 'this member'}?`}
        description="They lose access to every app of this team at once. You can invite them again later."
      >
        <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" fullWidth={false} onClick={() => setRemoving(null)} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" fullWidth={false} onClick={onRemove} disabled={busy} aria-busy={busy}>
            Remove member
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
