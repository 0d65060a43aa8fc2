/**
 * Checks an email and password pair for sign-in. Unknown emails cost the same argon2 work as
 * known ones and both failures look identical to the caller, so sign-in cannot be used to
 * discover which accounts exist.
 */
import type { Db } from '../db/client.ts';
import { emailField } from '../validation/user.ts';
import { verifyAgainstDummy, verifyPassword } from './password.ts';

export type VerifiedUser = { id: string; email: string; name: string | null };

export async function verifyUserPassword(db: Db, email: string, password: string): Promise<VerifiedUser | null> {
  const parsedEmail = emailField.safeParse(email);
  const user = parsedEmail.success
    ? await db.user.findUnique({
        where: { email: parsedEmail.data },
        select: { id: true, email: true, name: true, passwordHash: true },
      })
    : null;
  if (!user) {
    await verifyAgainstDummy(password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name };
}
