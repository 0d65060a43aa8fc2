/**
 * Whether the operator of this Portico has checked who runs the app (`portico client verify`).
 * Unverified is the normal case for most apps, so it reads as a calm note, not a warning.
 */
export function AppVerification({ verified, appName, issuerHost }: { verified: boolean; appName: string; issuerHost: string }) {
  if (verified) {
    return (
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-600" data-testid="app-verified">
        <span className="inline-flex items-center gap-1 rounded-md bg-green-50 px-2 py-0.5 font-medium text-green-800 ring-1 ring-green-200 ring-inset">
          <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="2" className="size-3.5" aria-hidden="true">
            <path d="M3.5 8.5l3 3 6-7" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          Verified
        </span>
        <span>The operator of this Portico has checked who runs this app.</span>
      </p>
    );
  }
  return (
    <p className="flex items-start gap-2 rounded-md bg-zinc-50 px-3 py-2 text-xs text-zinc-700 ring-1 ring-zinc-200 ring-inset" data-testid="app-not-verified">
      <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" className="mt-px size-3.5 shrink-0 text-zinc-500" aria-hidden="true">
        <circle cx="8" cy="8" r="6.25" />
        <path d="M8 7.25v3.75M8 5.01v-.01" strokeLinecap="round" />
      </svg>
      <span className="min-w-0 wrap-anywhere">
        Not verified by {issuerHost}: only continue if you trust {appName}.
      </span>
    </p>
  );
}
