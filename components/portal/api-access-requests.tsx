'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import type { ApiAccessRequest, ApiAccessStatus } from '@/lib/portal/api-resource-types';
import { decideApiAccessSchema, type DecideApiAccessInput } from '@/lib/validation/api-resource';
import { UNREACHABLE, type ActionResult } from './action-result';
import { ApiAccessBadge, ScopeChips } from './api-status';
import { formatDate } from './format';
import { Section } from './page-header';

type DecideAction = (resourceId: string, clientId: string, input: DecideApiAccessInput) => Promise<ActionResult>;

const GROUPS: { status: ApiAccessStatus; title: string; empty: string }[] = [
  { status: 'pending', title: 'Waiting for a decision', empty: 'No requests are waiting.' },
  { status: 'approved', title: 'Approved', empty: 'No app has access yet.' },
  { status: 'rejected', title: 'Rejected', empty: 'None.' },
];

/**
 * The Access requests tab: apps of other teams that asked for this API's scopes. Owners and
 * developers approve any subset of what was asked (the boxes), change it later, or reject.
 */
export function ApiAccessRequests({ resourceId, requests, canDecide, decide }: { resourceId: string; requests: readonly ApiAccessRequest[]; canDecide: boolean; decide: DecideAction }) {
  return (
    <div className="space-y-6">
      {GROUPS.map((group) => {
        const items = requests.filter((r) => r.status === group.status);
        if (group.status === 'rejected' && items.length === 0) return null;
        return (
          <Section key={group.status} id={`access-${group.status}`} title={`${group.title} (${items.length})`}>
            {items.length ? (
              <ul className="divide-y divide-zinc-200" aria-label={group.title}>
                {items.map((request) => (
                  <li key={request.client.id} className="py-4 first:pt-0 last:pb-0" data-testid="access-request">
                    <AccessRequestRow resourceId={resourceId} request={request} canDecide={canDecide} decide={decide} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-zinc-700">{group.empty}</p>
            )}
          </Section>
        );
      })}
    </div>
  );
}

function AccessRequestRow({ resourceId, request, canDecide, decide }: { resourceId: string; request: ApiAccessRequest; canDecide: boolean; decide: DecideAction }) {
  const initial = request.status === 'pending' ? request.requestedScopes : request.approvedScopes;
  const [selected, setSelected] = useState<string[]>([...initial]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const who = `${request.client.name}${request.team ? ` (${request.team.name})` : ''}`;

  async function submit(input: DecideApiAccessInput) {
    const parsed = decideApiAccessSchema.safeParse(input);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Choose what to approve.');
    setBusy(true);
    setError(null);
    const result = await decide(resourceId, request.client.id, input).catch(() => UNREACHABLE);
    setBusy(false);
    if (!result.ok) setError(result.fieldErrors?.scopes ?? result.error);
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium wrap-break-word text-zinc-900">{request.client.name}</span>
        <ApiAccessBadge status={request.status} />
      </div>
      <p className="text-sm wrap-break-word text-zinc-600">
        {request.team ? <>Team {request.team.name} · </> : 'Operator-managed app · '}
        asked {formatDate(request.requestedAt)}
        {request.decidedAt ? <> · decided {formatDate(request.decidedAt)}</> : null}
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {canDecide ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-zinc-800">Scopes to approve for {who}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {request.requestedScopes.map((scope) => (
              <CheckboxField
                key={scope}
                label={scope}
                className="font-mono break-all"
                checked={selected.includes(scope)}
                onChange={(event) => setSelected((list) => (event.target.checked ? [...list, scope] : list.filter((s) => s !== scope)))}
              />
            ))}
          </div>
          <div className="flex flex-wrap gap-2 pt-1">
            <Button size="sm" fullWidth={false} disabled={busy} aria-busy={busy} onClick={() => submit({ decision: 'approve', scopes: selected })} aria-label={`Approve selected scopes for ${who}`}>
              {request.status === 'approved' ? 'Save approval' : 'Approve selected'}
            </Button>
            {request.status !== 'rejected' ? (
              <Button variant="secondary" size="sm" fullWidth={false} disabled={busy} onClick={() => submit({ decision: 'reject' })} aria-label={`${request.status === 'approved' ? 'Revoke access of' : 'Reject'} ${who}`}>
                {request.status === 'approved' ? 'Revoke access' : 'Reject'}
              </Button>
            ) : null}
          </div>
        </fieldset>
      ) : (
        <dl className="grid gap-2 text-sm sm:grid-cols-2">
          <div className="space-y-1">
            <dt className="font-medium text-zinc-800">Requested</dt>
            <dd><ScopeChips scopes={request.requestedScopes} label={`Requested by ${who}`} /></dd>
          </div>
          <div className="space-y-1">
            <dt className="font-medium text-zinc-800">Approved</dt>
            <dd><ScopeChips scopes={request.approvedScopes} label={`Approved for ${who}`} /></dd>
          </div>
        </dl>
      )}
    </div>
  );
}
