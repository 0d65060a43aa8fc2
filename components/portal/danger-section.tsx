import { useId, type ReactNode } from 'react';

/** The red "Danger zone" box at the bottom of an app's or an API's pages. */
export function DangerSection({ children }: { children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-red-200 bg-white shadow-sm">
      <h2 id={headingId} className="border-b border-red-200 px-5 py-4 text-base font-semibold text-red-800 sm:px-6">
        Danger zone
      </h2>
      {children}
    </section>
  );
}

/** One irreversible (or disruptive) action: what it does, and its button when the viewer may. */
export function DangerRow({ title, description, action }: { title: string; description: string; action: ReactNode }) {
  return (
    <div className="flex flex-col gap-4 px-5 py-5 sm:flex-row sm:items-center sm:justify-between sm:px-6">
      <div className="space-y-1">
        <h3 className="text-sm font-semibold text-zinc-900">{title}</h3>
        <p className="text-sm text-zinc-600">{description}</p>
      </div>
      {action}
    </div>
  );
}
