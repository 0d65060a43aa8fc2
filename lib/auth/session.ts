/** The signed-in user, for server components and server actions. */
import 'server-only';
import { getServerSession } from 'next-auth';
import { connection } from 'next/server';
import { getRuntime } from '../server/runtime.ts';
import { getAuthOptions } from './options.ts';

export type SignedInUser = { id: string; email: string; name: string | null; sessionId: string | null };

export async function getSignedInUser(): Promise<SignedInUser | null> {
  // Sessions are per request: never let a page reading them be prerendered at build time.
  await connection();
  const session = await getServerSession(await getAuthOptions());
  const id = session?.user?.id;
  if (!id) return null;
  // The cookie keeps the email and name of sign-in time; the account may have changed since.
  const user = await (await getRuntime()).db.user.findUnique({ where: { id }, select: { email: true, name: true } });
  if (!user) return null;
  return { id, email: user.email, name: user.name, sessionId: session.user.sessionId };
}
