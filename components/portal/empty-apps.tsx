import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

/** The dashboard before the first app: what an app is, and the three steps to a working sign-in. */
export function EmptyApps({ createHref, issuer, canCreate }: { createHref: string; issuer: string; canCreate: boolean }) {
  const steps = [
    { title: 'Register your app', body: 'Tell Portico what kind of app it is and where users return after signing in.' },
    { title: 'Copy its credentials', body: 'You get a client ID, and a client secret for server-side apps — shown once.' },
    { title: 'Point your OIDC library at Portico', body: <>Use the issuer <code className="font-mono text-[13px] wrap-break-word text-zinc-900">{issuer}</code>: libraries read the rest from its discovery document.</> },
  ];
  return (
    <div className="rounded-xl border border-dashed border-zinc-300 bg-white px-5 py-8 text-center sm:px-10 sm:py-10">
      <h2 className="text-lg font-semibold text-zinc-900">No apps yet</h2>
      <p className="mx-auto mt-2 max-w-xl text-sm text-zinc-700">
        An app is anything that lets people &ldquo;Sign in with Portico&rdquo; — a website, a single-page app, a mobile app — or a
        service that calls your APIs as itself. Start by registering one.
      </p>
      <ol className="mx-auto mt-8 grid max-w-3xl gap-4 text-left sm:grid-cols-3">
        {steps.map((step, index) => (
          <li key={step.title} className="flex gap-3 rounded-lg border border-zinc-200 bg-zinc-50 p-4 sm:flex-col sm:gap-0">
            <span className="inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-zinc-900 text-xs font-semibold text-white" aria-hidden="true">
              {index + 1}
            </span>
            <div className="min-w-0">
              <p className="text-sm font-semibold text-zinc-900 sm:mt-2">{step.title}</p>
              <p className="mt-1 text-sm text-zinc-700">{step.body}</p>
            </div>
          </li>
        ))}
      </ol>
      {canCreate ? (
        <div className="mt-8 flex justify-center">
          <Link href={createHref} className={buttonClass({ fullWidth: false })}>
            Create your first app
          </Link>
        </div>
      ) : (
        <p className="mt-8 text-sm text-zinc-700">Your role in this team cannot create apps. Ask a team owner to make you a developer.</p>
      )}
    </div>
  );
}
