// What Portico keeps in the next-auth session: see lib/auth/options.ts.
import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    /** sessionId: the UserSession row behind this browser session (the JWT's sid). */
    user: { id: string; email: string; name: string | null; sessionId: string | null };
  }
  /** What the credentials provider's authorize() returns to the jwt callback at sign-in. */
  interface User {
    amr?: string[];
    ip?: string | null;
    userAgent?: string | null;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** Seconds since the epoch when the user last signed in (OIDC `auth_time`). */
    authTime?: number;
    /** Random id of this sign-in (OIDC `sid`); a new sign-in always gets a new one. */
    sid?: string;
    /** RFC 8176 methods used at sign-in: ["pwd"] or ["pwd", "otp", "mfa"]. */
    amr?: string[];
  }
}
