import type { ReactNode } from 'react';

/**
 * Portico's own sign-out: a plain POST to the end-session endpoint with confirm=yes, which ends
 * the session, clears the cookies, sends back-channel logout tokens and loads the front-channel
 * logout iframes of the session's apps (OpenID Connect Front-Channel Logout 1.0 §4) before the
 * signed-out page. A form rather than a script: the session cookie is SameSite=Lax, so another
 * site cannot post it.
 */
export function SignOutForm({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <form method="post" action="/oauth/end-session" className={className}>
      <input type="hidden" name="confirm" value="yes" />
      {children}
    </form>
  );
}
