/**
 * Who may create an account at /signup (operator setting "sign_up", /admin/settings):
 * - open: anyone (the default);
 * - invite_only: only an email address with a pending team invitation (not accepted, revoked or
 *   expired), so teams can still bring people in;
 * - closed: nobody; operators create accounts with `portico user create`.
 * Accounts an operator creates are not limited by it. The sign-up page and its action both ask.
 */
import type { Db } from '../db/client.ts';
import { readSetting } from './read-setting.ts';
import type { SignUpPolicy } from './settings.ts';

export type { SignUpPolicy };
export const DEFAULT_SIGN_UP_POLICY: SignUpPolicy = 'open';

export async function getSignUpPolicy(db: Pick<Db, 'setting'>): Promise<SignUpPolicy> {
  return (await readSetting(db, 'sign_up')) ?? DEFAULT_SIGN_UP_POLICY;
}

export const SIGN_UP_CLOSED_MESSAGE = 'New accounts cannot be created here. Ask the people who run this Portico to create one for you.';
export const SIGN_UP_INVITE_ONLY_MESSAGE =
  'Accounts can only be created from a team invitation. Use the email address the invitation was sent to, or ask a team owner to invite you.';

/** Why `email` may not sign up now, or null when it may. `email` is the normalised address (lower case). */
export async function signUpRefusal(db: Pick<Db, 'setting' | 'invitation'>, email: string, now = new Date()): Promise<string | null> {
  const policy = await getSignUpPolicy(db);
  if (policy === 'open') return null;
  if (policy === 'closed') return SIGN_UP_CLOSED_MESSAGE;
  const invited = await db.invitation.findFirst({ where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, select: { id: true } });
  return invited ? null : SIGN_UP_INVITE_ONLY_MESSAGE;
}
