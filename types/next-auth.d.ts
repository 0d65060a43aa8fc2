// What Portico keeps in the next-auth session: see lib/auth/options.ts.
import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** Seconds since the epoch when the user last signed in (OIDC `auth_time`). */
    authTime?: number;
    /** Random id of this sign-in (OIDC `sid`); a new sign-in always gets a new one. */
    sid?: string;
  }
}
