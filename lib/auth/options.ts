/**
 * next-auth (v4) configuration: email + password sign-in, kept in an encrypted JWT cookie.
 *
 * The cookie is also read outside Next.js by the protocol core (lib/auth/session-port.ts), so
 * the claims written here are a contract: `sub` (user id), `authTime` (OIDC auth_time, seconds),
 * `sid` (OIDC session id, the id of the UserSession row) and `amr` (RFC 8176 methods). They are
 * set on every sign-in and never on a mere session refresh, so signing in again always yields a
 * fresh auth_time and a new sid.
 *
 * A session whose row has ended (signed out from the session list, a password change or reset,
 * lib/account/user-sessions.ts), or that is past its absolute lifetime (config.sessionAbsoluteTimeout,
 * counted from sign-in), is emptied by the jwt callback: the browser is signed out.
 *
 * Sign-in errors are codes the form turns into words (components/auth/sign-in-form.tsx):
 * next-auth returns a thrown error's message as `error`, and `CredentialsSignin` for null.
 */
import 'server-only';
import type { NextAuthOptions, User } from 'next-auth';
import { headers } from 'next/headers';
import CredentialsProvider from 'next-auth/providers/credentials';
import { recordSignIn } from '../account/record-sign-in.ts';
import { signIn, type SignInFailure } from '../account/sign-in.ts';
import { createSessionValidityCheck, endUserSession, SESSION_MAX_AGE_S, startUserSession } from '../account/user-sessions.ts';
import { CLIENT_IP_HEADER } from '../server/client-ip.ts';
import { getRuntime } from '../server/runtime.ts';
import { signInSchema } from '../validation/sign-in.ts';

/** The codes a failed sign-in returns besides next-auth's own CredentialsSignin. */
export const SIGN_IN_ERRORS: Record<Exclude<SignInFailure, 'credentials'>, string> = {
  locked: 'TooManyAttempts',
  disabled: 'AccountDisabled',
  password_expired: 'PasswordExpired',
  second_factor_required: 'SecondFactorRequired',
  second_factor_invalid: 'SecondFactorInvalid',
  second_factor_locked: 'SecondFactorLocked',
};

const headerValue = (value: unknown) => (typeof value === 'string' && value ? value : null);

export async function getAuthOptions(): Promise<NextAuthOptions> {
  const { config, db, provider, rateLimits } = await getRuntime();
  const signInLimits = { account: rateLimits.signInPerAccount, ip: rateLimits.signInPerIp };
  // A user who must replace a generated password stays signed in here, to reach /change-password
  // (lib/auth/session.ts keeps them there); the protocol core's check refuses them.
  const isSessionValid = createSessionValidityCheck(db, undefined, { absoluteTimeoutSeconds: config.sessionAbsoluteTimeout, allowPendingPasswordChange: true });
  return {
    secret: config.sessionSecret,
    useSecureCookies: config.secureCookies,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/login' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Portico',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
          code: { label: 'Verification code', type: 'text' },
        },
        async authorize(credentials, req): Promise<User | null> {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const userAgent = headerValue(req?.headers?.['user-agent']);
          const ip = headerValue(req?.headers?.[CLIENT_IP_HEADER]);
          let outcome;
          try {
            outcome = await signIn(db, config.secret, { ...parsed.data, code: credentials?.code, userAgent, ip }, new Date(), signInLimits);
          } catch (err) {
            // next-auth would put the message in the redirect URL; keep internals out of it.
            console.error('sign-in failed', err);
            throw new Error('Unavailable');
          }
          if (!outcome.ok) {
            if (outcome.reason === 'credentials') return null;
            throw new Error(SIGN_IN_ERRORS[outcome.reason]);
          }
          // The audit record is not worth failing the sign-in for.
          await recordSignIn(db, outcome.user.id, userAgent).catch((err: unknown) => console.error('could not record the sign-in', err));
          return { ...outcome.user, amr: outcome.amr, ip, userAgent };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (!user) {
          const { sub, sid } = token;
          if (typeof sub !== 'string' || typeof sid !== 'string') return {};
          return (await isSessionValid(sub, sid, await requestSeenFrom())) ? token : {};
        }
        const amr = user.amr ?? ['pwd'];
        const sid = await startUserSession(db, { userId: user.id, amr, ip: user.ip, userAgent: user.userAgent });
        return { sub: user.id, email: user.email, name: user.name, authTime: Math.floor(Date.now() / 1000), sid, amr };
      },
      session({ session, token }) {
        return {
          ...session,
          user: { id: token.sub ?? '', email: token.email ?? '', name: token.name ?? null, sessionId: typeof token.sid === 'string' ? token.sid : null },
        };
      },
    },
    events: {
      // Signing out of Portico ends the browser session: apps that got a grant in it are told
      // (OpenID Connect Back-Channel Logout 1.0), without delaying the sign-out.
      async signOut({ token }) {
        const { sub, sid } = token ?? {};
        if (typeof sub === 'string' && typeof sid === 'string') {
          // Already ended (from the session list): whoever ended it has told the apps.
          const ended = await endUserSession(db, sub, sid).catch((err: unknown) => void console.error('could not end the session record', err));
          if (ended) void provider.logout.sessionEnded(sub, sid).catch((err: unknown) => console.error('back-channel logout failed', err));
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

/** Where the browser is now, when the callback runs inside a request (it always does in Next). */
async function requestSeenFrom(): Promise<{ ip: string | null; userAgent: string | null }> {
  try {
    const h = await headers();
    return { ip: h.get(CLIENT_IP_HEADER), userAgent: h.get('user-agent') };
  } catch {
    return { ip: null, userAgent: null };
  }
}


