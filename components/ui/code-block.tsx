import { CopyButton } from './copy-button';

/**
 * Preformatted code with a copy button. The block scrolls sideways rather than wrapping, and is
 * focusable so keyboard users can scroll it too.
 */
export function CodeBlock({ code, label, language }: { code: string; label: string; language?: string }) {
  return (
    <div className="relative overflow-hidden rounded-lg border border-zinc-200 bg-zinc-950">
      <div className="flex items-center justify-between gap-3 border-b border-zinc-800 px-4 py-2">
        <span className="text-xs font-medium text-zinc-300">{language ?? label}</span>
        <CopyButton value={code} label={`Copy ${label}`} />
      </div>
      <pre tabIndex={0} aria-label={label} className="overflow-x-auto p-4 text-[13px] leading-relaxed text-zinc-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-400">
        <code className="font-mono">{code}</code>
      </pre>
    </div>
  );
}
