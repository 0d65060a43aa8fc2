'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** Ends the Portico session (the next-auth cookie) and shows the signed-out page. */
export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="secondary"
      disabled={busy}
      aria-busy={busy}
      onClick={async () => {
        setBusy(true);
        await signOut({ redirect: false }).catch(() => undefined);
        window.location.assign('/logged-out');
      }}
    >
      Sign out
    </Button>
  );
}
