/**
 * The signed-in user's profile as /account/profile shows it: the OIDC standard claims they may
 * fill in (lib/validation/profile.ts), plus the email address, which is changed under Security.
 */
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import type { ProfileValues } from '../validation/profile.ts';

export type Profile = ProfileValues & { email: string; emailVerified: boolean; updatedAt: Date };

export const PROFILE_SELECT = {
  email: true, emailVerified: true, updatedAt: true,
  name: true, givenName: true, familyName: true, nickname: true, preferredUsername: true, picture: true, website: true,
  gender: true, birthdate: true, zoneinfo: true, locale: true, phoneNumber: true, address: true,
} as const;

export async function getProfile(db: Db, actor: Actor): Promise<Profile> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: PROFILE_SELECT });
  if (!user) throw new NotFoundError('account');
  return user;
}
