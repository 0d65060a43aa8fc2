/**
 * next-auth (v4) configuration: email + password sign-in, kept in an encrypted JWT cookie.
 *
 * The cookie is also read outside Next.js by the protocol core (lib/auth/session-port.ts), so
 * the claims written here are a contract: `sub` (user id), `authTime` (OIDC auth_time, seconds)
 * and `sid` (OIDC session id). Both are set on every sign-in and never on a mere session refresh,
 * so signing in again always yields a fresh auth_time and a new sid.
 *
 * A session signed in before the user's sessionsValidAfter (set by a password reset or change,
 * lib/account/session-validity.ts) is emptied by the jwt callback: the browser is signed out.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { recordSecurityEvent } from '../account/record-security-event.ts';
import { createSessionValidityCheck } from '../account/session-validity.ts';
import { verifyUserPassword } from '../account/verify-password.ts';
import { getRuntime } from '../server/runtime.ts';
import { signInSchema } from '../validation/sign-in.ts';

export async function getAuthOptions(): Promise<NextAuthOptions> {
  const { config, db, provider } = await getRuntime();
  const isSessionValid = createSessionValidityCheck(db);
  return {
    secret: config.sessionSecret,
    useSecureCookies: config.secureCookies,
    session: { strategy: 'jwt' },
    pages: { signIn: '/login' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Portico',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          try {
            const user = await verifyUserPassword(db, parsed.data.email, parsed.data.password);
            if (user) await recordSignIn(db, user.id, req?.headers?.['user-agent']);
            return user;
          } catch (err) {
            // next-auth would put the message in the redirect URL; keep internals out of it.
            console.error('sign-in failed', err);
            throw new Error('Unavailable');
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (!user) {
          const { sub, authTime } = token;
          if (typeof sub !== 'string' || typeof authTime !== 'number') return {};
          return (await isSessionValid(sub, authTime)) ? token : {};
        }
        return {
          sub: user.id,
          email: user.email,
          name: user.name,
          authTime: Math.floor(Date.now() / 1000),
          sid: randomUUID(),
        };
      },
      session({ session, token }) {
        return {
          ...session,
          user: { id: token.sub ?? '', email: token.email ?? '', name: token.name ?? null },
        };
      },
    },
    events: {
      // Signing out of Portico ends the browser session: apps that got a grant in it are told
      // (OpenID Connect Back-Channel Logout 1.0), without delaying the sign-out.
      signOut({ token }) {
        const { sub, sid } = token ?? {};
        if (typeof sub === 'string' && typeof sid === 'string') {
          void provider.logout.sessionEnded(sub, sid).catch((err: unknown) => console.error('back-channel logout failed', err));
        }
      },
    },
    logger: {
      // Portico's origin is config.issuer; next-auth only wants NEXTAUTH_URL to build redirect
      // URLs that the sign-in form never follows, so that warning is noise here.
      warn(code) {
        if (code !== 'NEXTAUTH_URL') console.warn(`[next-auth] warning: ${code}`);
      },
    },
  };
}

/** The audit record of a sign-in (shown on /account/activity); a failure to write it is logged, not fatal. */
async function recordSignIn(db: Parameters<typeof recordSecurityEvent>[0], userId: string, userAgent: unknown): Promise<void> {
  const details = typeof userAgent === 'string' && userAgent ? { userAgent: userAgent.slice(0, 512) } : {};
  await recordSecurityEvent(db, { userId, action: 'user.signed_in', details }).catch((err: unknown) => console.error('could not record the sign-in', err));
}
