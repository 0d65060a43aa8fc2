/**
 * Who is using the portal. Every portal page and server action starts here: pages send a
 * signed-out visitor to sign in and back (same-origin callbackUrl), actions refuse.
 */
import 'server-only';
import { redirect } from 'next/navigation';
import { getSignedInUser, type SignedInUser } from '@/lib/auth/session';
import type { Db } from '@/lib/db/client';
import { getRuntime } from '@/lib/server/runtime';
import type { Config } from '@/lib/config';

export type PortalContext = { user: SignedInUser; actor: { userId: string }; db: Db; config: Config };

export async function requirePortalUser(callbackPath: string): Promise<PortalContext> {
  const user = await getSignedInUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(callbackPath)}`);
  const { db, config } = await getRuntime();
  return { user, actor: { userId: user.id }, db, config };
}

export class SignedOutError extends Error {
  constructor() {
    super('You are no longer signed in. Sign in again and retry.');
  }
}

/** For server actions: the signed-in user, or a SignedOutError the action turns into a message. */
export async function actionContext(): Promise<PortalContext> {
  const user = await getSignedInUser();
  if (!user) throw new SignedOutError();
  const { db, config } = await getRuntime();
  return { user, actor: { userId: user.id }, db, config };
}

/**
 * Administrators may set "skip consent". The role lives on the user record, which the session
 * does not carry, so it is read per request (a demoted admin loses the control at once).
 */
export async function isAdministrator(db: Db, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { isAdmin: true } });
  return user?.isAdmin === true;
}
