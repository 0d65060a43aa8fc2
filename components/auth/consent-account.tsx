import { SwitchAccountButton } from './switch-account-button';

/** Whose account the app will get, with "Not you?" to switch before deciding. */
export function ConsentAccount({ user, signInUrl }: { user: { email: string; name: string | null }; signInUrl: string }) {
  const initial = ((user.name ?? user.email).trim()[0] ?? '?').toUpperCase();
  return (
    <section aria-label="Your account" data-testid="consent-account" className="flex items-center gap-3 rounded-lg border border-zinc-200 px-3 py-2.5">
      <span aria-hidden="true" className="inline-flex size-9 shrink-0 items-center justify-center rounded-full bg-zinc-200 text-sm font-semibold text-zinc-800">
        {initial}
      </span>
      <p className="min-w-0 flex-1 text-sm">
        {user.name ? <span className="block font-semibold wrap-break-word text-zinc-900">{user.name}</span> : null}
        <span className="block wrap-break-word text-zinc-600">
          Signed in as <span className="font-medium text-zinc-900">{user.email}</span>
        </span>
      </p>
      <SwitchAccountButton signInUrl={signInUrl} />
    </section>
  );
}
