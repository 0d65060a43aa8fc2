/** The signed-in user, for server components and server actions. */
import 'server-only';
import { getServerSession } from 'next-auth';
import { connection } from 'next/server';
import { getAuthOptions } from './options.ts';

export type SignedInUser = { id: string; email: string; name: string | null };

export async function getSignedInUser(): Promise<SignedInUser | null> {
  // Sessions are per request: never let a page reading them be prerendered at build time.
  await connection();
  const session = await getServerSession(await getAuthOptions());
  const user = session?.user;
  if (!user?.id) return null;
  return { id: user.id, email: user.email, name: user.name };
}
