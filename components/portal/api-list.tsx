import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import type { ApiResourceSummary } from '@/lib/portal/api-resource-types';
import { formatDuration } from './format';

/** The APIs of the user's teams: one row each, the whole row a link to the API's page. */
export function ApiList({ apis, showTeam }: { apis: readonly ApiResourceSummary[]; showTeam: boolean }) {
  return (
    <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm">
      <div aria-hidden="true" className="hidden grid-cols-[minmax(0,1.4fr)_minmax(0,2fr)_6rem_8rem] gap-4 border-b border-zinc-200 bg-zinc-50 px-5 py-2 text-xs font-medium tracking-wide text-zinc-600 uppercase md:grid">
        <span>Name</span>
        <span>Identifier</span>
        <span>Scopes</span>
        <span>Tokens</span>
      </div>
      <ul className="divide-y divide-zinc-200" aria-label="APIs">
        {apis.map((api) => (
          <li key={api.id} className="relative hover:bg-zinc-50 focus-within:bg-zinc-50">
            <div className="grid gap-x-4 gap-y-1.5 px-5 py-4 md:grid-cols-[minmax(0,1.4fr)_minmax(0,2fr)_6rem_8rem] md:items-center">
              <div className="min-w-0">
                <Link
                  href={`/developers/apis/${encodeURIComponent(api.id)}`}
                  className="font-semibold text-zinc-900 wrap-break-word after:absolute after:inset-0 focus-visible:outline-none focus-visible:after:rounded-sm focus-visible:after:outline-2 focus-visible:after:-outline-offset-2 focus-visible:after:outline-focus"
                >
                  {api.name}
                </Link>
                {showTeam ? <p className="mt-0.5 text-sm wrap-break-word text-zinc-600">{api.team.name}</p> : null}
              </div>
              <div className="min-w-0">
                <span className="sr-only">Identifier: </span>
                <code className="block font-mono text-[13px] break-all text-zinc-700">{api.identifier}</code>
              </div>
              <div className="text-sm text-zinc-700">
                {api.scopeCount} <span className="md:sr-only">{api.scopeCount === 1 ? 'scope' : 'scopes'}</span>
              </div>
              <div className="text-sm text-zinc-600">
                {api.tokenFormat === 'jwt' ? 'JWT' : 'Opaque'}, {formatDuration(api.accessTokenTtl)}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Before the first API: what an API is here, and how apps get to use it. */
export function EmptyApis({ canCreate }: { canCreate: boolean }) {
  return (
    <div className="rounded-xl border border-dashed border-zinc-300 bg-white px-5 py-8 text-center sm:px-10 sm:py-10">
      <h2 className="text-lg font-semibold text-zinc-900">No APIs yet</h2>
      <p className="mx-auto mt-2 max-w-xl text-sm text-zinc-700">
        Register an API your team runs to give it an identifier (the audience of its access tokens) and scopes. Apps of other teams ask
        for those scopes; you decide which they get.
      </p>
      {canCreate ? (
        <div className="mt-6 flex justify-center">
          <Link href="/developers/apis/new" className={buttonClass({ fullWidth: false })}>
            Register your first API
          </Link>
        </div>
      ) : (
        <p className="mt-6 text-sm text-zinc-700">Your role cannot register APIs. Ask a team owner to make you a developer.</p>
      )}
    </div>
  );
}
