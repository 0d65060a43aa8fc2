import { CopyButton } from './copy-button';

/**
 * A credential shown exactly once: the value in full, a copy button, and (for secrets) the
 * warning that it will never be shown again. Identifiers (`secret={false}`) skip the warning.
 */
export function SecretValue({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="space-y-1.5">
      <p className="text-sm font-medium text-zinc-800">{label}</p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <code
          data-testid={testId}
          className="block min-w-0 flex-1 rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono text-sm break-all text-zinc-900 select-all"
        >
          {value}
        </code>
        <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} className="shrink-0" />
      </div>
    </div>
  );
}

export function StoreItNow({ what }: { what: string }) {
  return (
    <div role="note" className="flex gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <svg viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-5 shrink-0 text-amber-700" aria-hidden="true">
        <path fillRule="evenodd" d="M8.485 2.495c.673-1.167 2.357-1.167 3.03 0l6.28 10.875c.673 1.167-.17 2.625-1.516 2.625H3.72c-1.347 0-2.189-1.458-1.515-2.625L8.485 2.495ZM10 6a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 6Zm0 9a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z" clipRule="evenodd" />
      </svg>
      <div>
        <p className="font-semibold">Store it now — you will not see this {what} again.</p>
        <p className="mt-1">
          Put it in your secret manager or your server&apos;s environment. Portico keeps only a hash: if you lose it, create a new one.
        </p>
      </div>
    </div>
  );
}
