/**
 * Saves the user's profile (the OIDC standard claims of lib/validation/profile.ts) and records a
 * `user.profile_updated` security event naming the fields that changed — never their values — in
 * the same transaction. Apps see the new values from their next ID token or userinfo call
 * (lib/oidc/claims.ts releases them by scope; updated_at moves with User.updatedAt).
 */
import type { Db } from '../db/client.ts';
import { NotFoundError, parseInput } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import { PROFILE_FIELDS, profileSchema, type ProfileField, type ProfileInput } from '../validation/profile.ts';
import { PROFILE_SELECT, type Profile } from './get-profile.ts';
import { recordSecurityEvent } from './record-security-event.ts';

/** How the activity page names each field. */
const FIELD_WORDS: Record<ProfileField, string> = {
  name: 'name', givenName: 'given name', familyName: 'family name', nickname: 'nickname', preferredUsername: 'preferred username',
  picture: 'picture', website: 'website', gender: 'gender', birthdate: 'birthdate', zoneinfo: 'time zone', locale: 'language',
  phoneNumber: 'phone number', address: 'address',
};

export async function updateProfile(db: Db, actor: Actor, input: ProfileInput, now = new Date()): Promise<Profile> {
  const values = parseInput(profileSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: actor.userId }, select: PROFILE_SELECT });
    if (!before) throw new NotFoundError('account');
    const changed = PROFILE_FIELDS.filter((field) => before[field] !== values[field]);
    if (!changed.length) return before;
    const after = await tx.user.update({ where: { id: actor.userId }, data: values, select: PROFILE_SELECT });
    await recordSecurityEvent(tx, { userId: actor.userId, action: 'user.profile_updated', details: { changed: changed.map((f) => FIELD_WORDS[f]) }, at: now });
    return after;
  });
}
