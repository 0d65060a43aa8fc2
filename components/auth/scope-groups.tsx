import type { ReactNode } from 'react';

export type ConsentApi = { identifier: string; name: string; ownerName: string | null };
/**
 * `group` 'api': API scopes, after the standard ones: those of a registered API (`api`) under that
 * API's name and owner, the app's own under a heading of their own.
 */
export type ConsentScope = { name: string; description: string; required: boolean; group: string; api?: ConsentApi };

/**
 * The permissions asked for, in one box: standard scopes first, then one group per API (RFC 8707;
 * listed even when no scope of it is asked for), then the app's own scopes. Headings, not list
 * items, so each scope stays exactly one item. `row` draws one scope (a checkbox or a tick).
 */
export function ScopeGroups({
  scopes,
  apis,
  appName,
  row,
}: {
  scopes: ConsentScope[];
  apis: ConsentApi[];
  appName: string;
  row: (scope: ConsentScope) => ReactNode;
}) {
  const standard = scopes.filter((scope) => scope.group !== 'api');
  const own = scopes.filter((scope) => scope.group === 'api' && !scope.api);
  const list = (items: ConsentScope[]) => <ul className="divide-y divide-zinc-200">{items.map(row)}</ul>;
  const heading = 'bg-zinc-50 px-4 py-2 text-xs font-semibold text-zinc-700 wrap-break-word first:rounded-t-lg';
  return (
    <div className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 text-sm text-zinc-800">
      {standard.length ? list(standard) : null}
      {apis.map((api) => {
        const ofApi = scopes.filter((scope) => scope.api?.identifier === api.identifier);
        return (
          <div key={api.identifier}>
            <h3 className={heading}>
              {api.name} <span className="font-normal text-zinc-600">· {api.ownerName ? `run by ${api.ownerName}` : 'run by this site'}</span>
            </h3>
            {ofApi.length ? list(ofApi) : <p className="border-t border-zinc-200 px-4 py-3">Use {api.name} on your behalf</p>}
          </div>
        );
      })}
      {own.length ? (
        <>
          <h3 className={heading}>Access to {appName}’s API</h3>
          {list(own)}
        </>
      ) : null}
    </div>
  );
}
