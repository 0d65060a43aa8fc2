import 'server-only';
import { redirect } from 'next/navigation';
import { getSignedInUser, type SignedInUser } from '@/lib/auth/session';

/** The signed-in user, or a trip through sign-in that comes back to `path`. */
export async function requireAccountUser(path: string): Promise<SignedInUser> {
  const user = await getSignedInUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  return user;
}
