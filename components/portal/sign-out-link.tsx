'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';

/** Ends the session (from the portal's top bar, or to switch accounts) and goes to `then`. */
export function SignOutLink({ then = '/logged-out', label = 'Sign out' }: { then?: string; label?: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      aria-busy={busy}
      className={buttonClass({ variant: 'ghost', size: 'sm', fullWidth: false })}
      onClick={async () => {
        setBusy(true);
        await signOut({ redirect: false }).catch(() => undefined);
        window.location.assign(then);
      }}
    >
      {label}
    </button>
  );
}
