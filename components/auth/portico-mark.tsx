/** The Portico wordmark: a small pediment over columns, and the name. */
export function PorticoMark() {
  return (
    <span className="inline-flex items-center gap-2 text-zinc-900">
      <svg viewBox="0 0 24 24" className="h-7 w-7" aria-hidden="true" fill="currentColor">
        <path d="M12 2 1.5 8h21L12 2Z" />
        <rect x="3" y="9.5" width="18" height="1.5" rx="0.5" />
        <rect x="4.5" y="12" width="2" height="7" rx="0.5" />
        <rect x="9" y="12" width="2" height="7" rx="0.5" />
        <rect x="13" y="12" width="2" height="7" rx="0.5" />
        <rect x="17.5" y="12" width="2" height="7" rx="0.5" />
        <rect x="2" y="20" width="20" height="2" rx="0.5" />
      </svg>
      <span className="text-xl font-semibold tracking-tight">Portico</span>
    </span>
  );
}
