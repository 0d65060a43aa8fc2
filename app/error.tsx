'use client';

import { useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { textLinkClass } from '@/components/ui/text-link';

/** Unexpected failures: a calm message and a retry, never details of the error itself. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;

  return (
    <main className="mx-auto flex min-h-screen w-full max-w-md flex-col justify-center px-4 py-10">
      <Card className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
        <p className="text-sm text-zinc-700">
          Portico could not finish this request. Try again; if it keeps happening, return to the application you came
          from and start over.
        </p>
        {digest ? <p className="text-xs text-zinc-600">Reference: {digest}</p> : null}
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <div className="sm:w-36">
            <Button onClick={() => retry()}>Try again</Button>
          </div>
          <a className={`${textLinkClass} text-sm`} href="/">
            Go to the home page
          </a>
        </div>
      </Card>
    </main>
  );
}
