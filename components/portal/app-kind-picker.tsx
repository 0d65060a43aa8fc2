import Link from 'next/link';
import { APP_KINDS } from './app-kinds';

const ICONS: Record<string, string> = {
  web: 'M3 5.75A2.75 2.75 0 0 1 5.75 3h8.5A2.75 2.75 0 0 1 17 5.75v8.5A2.75 2.75 0 0 1 14.25 17h-8.5A2.75 2.75 0 0 1 3 14.25v-8.5ZM4.5 7.5v6.75c0 .69.56 1.25 1.25 1.25h8.5c.69 0 1.25-.56 1.25-1.25V7.5h-11Z',
  spa: 'M6.28 5.22a.75.75 0 0 1 0 1.06L2.56 10l3.72 3.72a.75.75 0 0 1-1.06 1.06L.97 10.53a.75.75 0 0 1 0-1.06l4.25-4.25a.75.75 0 0 1 1.06 0Zm7.44 0a.75.75 0 0 1 1.06 0l4.25 4.25a.75.75 0 0 1 0 1.06l-4.25 4.25a.75.75 0 0 1-1.06-1.06L17.44 10l-3.72-3.72a.75.75 0 0 1 0-1.06ZM11.38 2.7a.75.75 0 0 1 .55.91l-3.5 14a.75.75 0 1 1-1.46-.36l3.5-14a.75.75 0 0 1 .91-.55Z',
  native: 'M6.5 1.75A1.75 1.75 0 0 1 8.25 0h3.5a1.75 1.75 0 0 1 1.75 1.75v.25h.75A2.25 2.25 0 0 1 16.5 4.25v13.5A2.25 2.25 0 0 1 14.25 20h-8.5a2.25 2.25 0 0 1-2.25-2.25V4.25A2.25 2.25 0 0 1 5.75 2h.75v-.25ZM5.75 3.5a.75.75 0 0 0-.75.75v13.5c0 .41.34.75.75.75h8.5c.41 0 .75-.34.75-.75V4.25a.75.75 0 0 0-.75-.75h-8.5ZM8.5 16a.75.75 0 0 1 .75-.75h1.5a.75.75 0 0 1 0 1.5h-1.5A.75.75 0 0 1 8.5 16Z',
  service: 'M4.63 3.1a.75.75 0 0 1 .77.06l1.8 1.3a5.5 5.5 0 0 1 1.05-.43L8.6 1.9a.75.75 0 0 1 .73-.65h1.34a.75.75 0 0 1 .73.65l.35 2.13c.37.11.72.26 1.05.43l1.8-1.3a.75.75 0 0 1 .97.08l.95.95a.75.75 0 0 1 .08.97l-1.3 1.8c.18.33.32.68.43 1.05l2.13.35a.75.75 0 0 1 .65.73v1.34a.75.75 0 0 1-.65.73l-2.13.35c-.11.37-.25.72-.43 1.05l1.3 1.8a.75.75 0 0 1-.08.97l-.95.95a.75.75 0 0 1-.97.08l-1.8-1.3c-.33.18-.68.32-1.05.43l-.35 2.13a.75.75 0 0 1-.73.65H9.33a.75.75 0 0 1-.73-.65l-.35-2.13a5.5 5.5 0 0 1-1.05-.43l-1.8 1.3a.75.75 0 0 1-.97-.08l-.95-.95a.75.75 0 0 1-.08-.97l1.3-1.8a5.5 5.5 0 0 1-.43-1.05l-2.13-.35a.75.75 0 0 1-.65-.73V9.33a.75.75 0 0 1 .65-.73l2.13-.35c.11-.37.25-.72.43-1.05l-1.3-1.8a.75.75 0 0 1 .08-.97l.95-.95a.75.75 0 0 1 .2-.14ZM10 7a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z',
};

/** Step 1 of "Create app": four cards, each a link to step 2 for that kind. */
export function AppKindPicker({ hrefFor }: { hrefFor: (type: string) => string }) {
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {APP_KINDS.map((kind) => (
        <li key={kind.type} className="relative flex">
          <Link
            href={hrefFor(kind.type)}
            aria-describedby={`kind-${kind.type}-summary`}
            className="group flex w-full flex-col rounded-xl border border-zinc-200 bg-white p-5 shadow-sm transition-colors hover:border-zinc-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus sm:p-6"
          >
            <span className="flex items-center gap-3">
              <span className="inline-flex size-9 shrink-0 items-center justify-center rounded-lg bg-zinc-100 text-zinc-800 group-hover:bg-zinc-900 group-hover:text-white" aria-hidden="true">
                <svg viewBox="0 0 20 20" fill="currentColor" className="size-5">
                  <path fillRule="evenodd" clipRule="evenodd" d={ICONS[kind.type]} />
                </svg>
              </span>
              <span className="text-base font-semibold text-zinc-900">{kind.label}</span>
              <svg viewBox="0 0 20 20" fill="currentColor" className="ml-auto size-5 text-zinc-400 group-hover:text-zinc-900" aria-hidden="true">
                <path fillRule="evenodd" d="M8.22 5.22a.75.75 0 0 1 1.06 0l4.25 4.25a.75.75 0 0 1 0 1.06l-4.25 4.25a.75.75 0 0 1-1.06-1.06L11.94 10 8.22 6.28a.75.75 0 0 1 0-1.06Z" clipRule="evenodd" />
              </svg>
            </span>
            <span id={`kind-${kind.type}-summary`} className="mt-3 block text-sm text-zinc-700">
              {kind.summary}
            </span>
            <span className="mt-4 block border-t border-zinc-100 pt-3">
              <span className="sr-only">Defaults: </span>
              <span className="flex flex-col gap-1.5">
                {kind.defaults.map((d) => (
                  <span key={d} className="flex items-start gap-2 text-sm text-zinc-600">
                    <svg viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-4 shrink-0 text-zinc-500" aria-hidden="true">
                      <path fillRule="evenodd" d="M16.7 5.3a1 1 0 0 1 0 1.4l-7.5 7.5a1 1 0 0 1-1.4 0l-3.5-3.5a1 1 0 1 1 1.4-1.4l2.8 2.79 6.8-6.8a1 1 0 0 1 1.4 0Z" clipRule="evenodd" />
                    </svg>
                    {d}
                  </span>
                ))}
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
