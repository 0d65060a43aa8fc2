'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { TextField } from '@/components/ui/input';
import type { AppApiAccess, PublicApiResource } from '@/lib/portal/api-resource-types';
import { requestApiAccessSchema, type RequestApiAccessInput } from '@/lib/validation/api-resource';
import { UNREACHABLE, type ActionResult } from './action-result';
import { ApiAccessBadge, ScopeChips } from './api-status';

type RequestAction = (clientId: string, resourceId: string, input: RequestApiAccessInput) => Promise<ActionResult>;

/**
 * An app's "API access" tab: every API it could use, with where its request stands (pending,
 * the approved scopes, rejected), and a form to ask for scopes — or change the request. APIs of
 * the app's own team are approved at once. The ones the app asked for come first.
 */
export function ApiAccessBrowser({ clientId, teamId, apis, access, canRequest, request }: {
  clientId: string; teamId: string; apis: readonly PublicApiResource[]; access: readonly AppApiAccess[]; canRequest: boolean; request: RequestAction;
}) {
  const [filter, setFilter] = useState('');
  const byResource = new Map(access.map((a) => [a.resource.id, a]));
  const needle = filter.trim().toLowerCase();
  const shown = [...apis]
    .filter((api) => !needle || [api.name, api.identifier, api.ownerName ?? 'operator', ...api.scopes.map((s) => s.name)].some((t) => t.toLowerCase().includes(needle)))
    .sort((a, b) => Number(byResource.has(b.id)) - Number(byResource.has(a.id)));

  if (apis.length === 0) return <p className="text-sm text-zinc-700">No APIs are registered yet. When a team registers one, you can ask for its scopes here.</p>;
  return (
    <div className="space-y-4">
      <div className="max-w-md">
        <TextField label="Filter APIs" type="search" placeholder="Name, identifier, team or scope" autoComplete="off" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      {shown.length === 0 ? <p className="text-sm text-zinc-700">No API matches “{filter}”.</p> : null}
      <ul className="space-y-4" aria-label="APIs">
        {shown.map((api) => (
          <li key={api.id} data-testid="api-card">
            <ApiCard clientId={clientId} api={api} access={byResource.get(api.id) ?? null} ownTeam={api.memberTeamId === teamId} canRequest={canRequest} request={request} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function ApiCard({ clientId, api, access, ownTeam, canRequest, request }: {
  clientId: string; api: PublicApiResource; access: AppApiAccess | null; ownTeam: boolean; canRequest: boolean; request: RequestAction;
}) {
  const [selected, setSelected] = useState<string[]>(access ? [...access.requestedScopes] : []);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = `api-${api.id}`;

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = requestApiAccessSchema.safeParse({ scopes: selected });
    if (!parsed.success) return setMessage({ tone: 'error', text: parsed.error.issues[0]?.message ?? 'Choose at least one scope.' });
    setBusy(true);
    setMessage(null);
    const result = await request(clientId, api.id, { scopes: selected }).catch(() => UNREACHABLE);
    setBusy(false);
    setMessage(result.ok ? { tone: 'success', text: ownTeam ? 'Approved: the API belongs to your team.' : 'Request sent. The API’s team decides which scopes the app gets.' } : { tone: 'error', text: result.fieldErrors?.scopes ?? result.error });
  }

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <h3 id={headingId} className="text-base font-semibold wrap-break-word text-zinc-900">{api.name}</h3>
          <code className="block font-mono text-[13px] break-all text-zinc-700">{api.identifier}</code>
          <p className="text-sm wrap-break-word text-zinc-600">
            {api.ownerName === null ? 'Run by the operator of this Portico' : `By ${api.ownerName}`}
            {ownTeam ? ' · your team: approved at once' : ''}
          </p>
          {api.description ? <p className="text-sm wrap-break-word text-zinc-700">{api.description}</p> : null}
        </div>
        {access ? (
          <div className="shrink-0">
            <ApiAccessBadge status={access.status} />
          </div>
        ) : null}
      </div>
      {access && access.approvedScopes.length ? (
        <div className="mt-3 space-y-1">
          <p className="text-sm font-medium text-zinc-800">Approved scopes</p>
          <ScopeChips scopes={access.approvedScopes} label={`Approved scopes of ${api.name}`} />
        </div>
      ) : null}
      {access?.status === 'rejected' ? <p className="mt-3 text-sm text-zinc-700">The API’s team rejected the last request. You can ask again.</p> : null}
      {api.scopes.length === 0 ? (
        <p className="mt-4 text-sm text-zinc-600">This API has no scopes yet.</p>
      ) : canRequest ? (
        <form onSubmit={onSubmit} noValidate className="mt-4 space-y-3" aria-label={`Request access to ${api.name}`}>
          {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-zinc-800">Scopes to ask for</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              {api.scopes.map((scope) => (
                <CheckboxField
                  key={scope.name}
                  label={scope.name}
                  hint={scope.description}
                  className="break-all"
                  checked={selected.includes(scope.name)}
                  onChange={(event) => setSelected((list) => (event.target.checked ? [...list, scope.name] : list.filter((s) => s !== scope.name)))}
                />
              ))}
            </div>
          </fieldset>
          <Button type="submit" size="sm" fullWidth={false} disabled={busy} aria-busy={busy}>
            {access ? 'Update request' : 'Request access'}
          </Button>
        </form>
      ) : (
        <ul className="mt-4 space-y-1 text-sm" aria-label={`Scopes of ${api.name}`}>
          {api.scopes.map((scope) => (
            <li key={scope.name} className="wrap-break-word">
              <code className="font-mono break-all text-zinc-900">{scope.name}</code> <span className="text-zinc-600">— {scope.description}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
