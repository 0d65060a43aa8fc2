'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { buttonClass } from '@/components/ui/button';
import { SecretValue, StoreItNow } from '@/components/ui/secret-reveal';

/**
 * The one screen that ever shows an app's client secret: right after creation. The secret lives
 * only in this component's props (the server action's answer); reloading or leaving loses it.
 */
export function CredentialsReveal({ app }: { app: { id: string; name: string; clientSecret: string | null } }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="mx-auto max-w-2xl space-y-6 rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8">
      <div className="space-y-2">
        <p className="inline-flex items-center gap-1.5 text-sm font-medium text-green-800">
          <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
            <path fillRule="evenodd" d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.857-9.809a.75.75 0 0 0-1.214-.882l-3.483 4.79-1.88-1.88a.75.75 0 1 0-1.06 1.061l2.5 2.5a.75.75 0 0 0 1.137-.089l4-5.5Z" clipRule="evenodd" />
          </svg>
          App created
        </p>
        <h1 ref={heading} tabIndex={-1} className="text-xl font-semibold tracking-tight wrap-break-word focus:outline-none sm:text-2xl">
          {app.clientSecret ? `Save the credentials for ${app.name}` : `${app.name} is ready`}
        </h1>
        <p className="text-sm text-zinc-700">
          {app.clientSecret
            ? 'Your app authenticates to Portico with this client ID and secret.'
            : 'This app runs on the user’s device, so it has no secret: it proves itself with PKCE on every sign-in.'}
        </p>
      </div>

      {app.clientSecret ? <StoreItNow what="secret" /> : null}

      <div className="space-y-4">
        <SecretValue label="Client ID" value={app.id} testId="client-id" />
        {app.clientSecret ? <SecretValue label="Client secret" value={app.clientSecret} testId="client-secret" /> : null}
      </div>

      <div className="flex flex-col gap-3 border-t border-zinc-200 pt-6 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-zinc-600">Next: the quickstart shows code that uses these values.</p>
        <Link href={`/developers/apps/${encodeURIComponent(app.id)}/quickstart`} className={buttonClass({ fullWidth: false })}>
          Continue to the app
        </Link>
      </div>
    </div>
  );
}
