/**
 * Deletes the signed-in user's account, after re-authentication with their password (limited per
 * account: verify-current-password.ts).
 *
 * In one transaction, eraseUser (erase-user.ts): every token, grant and code the user holds, their
 * consents, tokens, sessions and memberships, and the teams only they belong to. A user who is the
 * only owner of a team that has other members must hand it over first.
 * Returns the apps that held access, so the caller can notify them (Back-Channel Logout).
 */
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import type { Limiter } from '../rate-limit/limiter.ts';
import { eraseUser } from './erase-user.ts';
import { verifyCurrentPassword, WrongCurrentPasswordError } from './verify-current-password.ts';

export class WrongPasswordError extends Error {
  constructor() {
    super('That password is not correct. Enter your current password to delete your account.');
  }
}

export async function deleteAccount(db: Db, passwordAttempts: Limiter, actor: Actor, password: string, now = new Date()): Promise<{ clientIds: string[] }> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { id: true } });
  if (!user) throw new NotFoundError('account');
  await verifyCurrentPassword(db, passwordAttempts, user.id, password).catch((err: unknown) => {
    throw err instanceof WrongCurrentPasswordError ? new WrongPasswordError() : err;
  });

  return db.$transaction((tx) =>
    eraseUser(tx, user.id, now, (team) => `You are the only owner of "${team}". Make another member an owner, or remove them, before deleting your account.`),
  );
}
