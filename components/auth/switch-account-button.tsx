'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { textLinkClass } from '@/components/ui/text-link';
import { sameOriginPath } from '@/lib/auth/relative-url';

/**
 * "Not you?" on the consent screen: signs out of Portico, then opens the sign-in page for the same
 * pending authorization request, so signing in with another account continues it. That account is
 * asked for its own consent: the authorization endpoint reads the session again on resuming.
 * Like SignOutButton, next-auth's redirect is not used (it would build the URL from NEXTAUTH_URL).
 */
export function SwitchAccountButton({ signInUrl }: { signInUrl: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      data-testid="consent-switch-account"
      disabled={busy}
      aria-busy={busy}
      className={`${textLinkClass} whitespace-nowrap disabled:cursor-wait disabled:opacity-60`}
      onClick={async () => {
        setBusy(true);
        await signOut({ redirect: false }).catch(() => undefined);
        window.location.assign(sameOriginPath(signInUrl) ?? '/login');
      }}
    >
      Not you?
    </button>
  );
}
