/**
 * The signed-in user, for server components and server actions.
 *
 * A user who must replace a generated password (User.passwordChangeRequired, the first
 * administrator's or one an operator issued) is signed in for one thing only: /change-password.
 * getSignedInUser answers null for them, so every page that needs a user sends them to sign in,
 * and the sign-in page forwards them to /change-password (with where they were going); every
 * action refuses. Only that page and its action read them, with getUserWhoMustChangePassword.
 */
import 'server-only';
import { getServerSession } from 'next-auth';
import { connection } from 'next/server';
import { getRuntime } from '../server/runtime.ts';
import { getAuthOptions } from './options.ts';

export type SignedInUser = { id: string; email: string; name: string | null; sessionId: string | null };

export async function getSignedInUser(): Promise<SignedInUser | null> {
  const found = await readSession();
  return found && !found.mustChangePassword ? found.user : null;
}

/** The signed-in user when they must change their password first; null otherwise. */
export async function getUserWhoMustChangePassword(): Promise<SignedInUser | null> {
  const found = await readSession();
  return found?.mustChangePassword ? found.user : null;
}

/** The path of the page that replaces a generated password, coming back to `then` afterwards. */
export function changePasswordPath(then: string): string {
  return then === '/' ? '/change-password' : `/change-password?callbackUrl=${encodeURIComponent(then)}`;
}

async function readSession(): Promise<{ user: SignedInUser; mustChangePassword: boolean } | null> {
  // Sessions are per request: never let a page reading them be prerendered at build time.
  await connection();
  const session = await getServerSession(await getAuthOptions());
  const id = session?.user?.id;
  if (!id) return null;
  // The cookie keeps the email and name of sign-in time; the account may have changed since.
  const user = await (await getRuntime()).db.user.findUnique({ where: { id }, select: { email: true, name: true, passwordChangeRequired: true } });
  if (!user) return null;
  return { user: { id, email: user.email, name: user.name, sessionId: session.user.sessionId }, mustChangePassword: user.passwordChangeRequired };
}
