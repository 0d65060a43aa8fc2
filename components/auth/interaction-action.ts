'use client';

import { useEffect } from 'react';

/** What the sign-in and consent server actions answer: where to go next, or why not. */
export type InteractionActionState = { redirectTo?: string; error?: string };

export type InteractionAction = (previous: InteractionActionState, formData: FormData) => Promise<InteractionActionState>;

/**
 * Leaves the app with a full browser navigation once the action has said where to go.
 *
 * Why not `redirect()` in the server action: for a same-origin target, Next.js fetches the
 * target itself (server-side, with the user's cookies, following redirects) to stream it back.
 * For /oauth/authorize that would run the authorization, issue the code and consume the
 * interaction before the browser ever got there. A real navigation lets the browser follow
 * the authorization server's redirects itself.
 */
export function useHardRedirect(url: string | undefined) {
  useEffect(() => {
    if (url) window.location.assign(url);
  }, [url]);
}
