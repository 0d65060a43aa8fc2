/**
 * First start on an empty database: create an administrator with a random password so a newcomer
 * can sign in at once. The password is printed once and written to <data dir>/first-admin.txt
 * (mode 600, in a directory of mode 700); nothing else keeps it.
 *
 * It is a temporary password (lib/account/issue-temporary-password.ts): it must be changed at the
 * first sign-in, before anything else, and stops working 24 hours after the start that made it.
 * Choosing a new one deletes first-admin.txt (deleteFirstAdminFile), so the clear-text copy does
 * not outlive its use. Locked out after 24 hours: `portico user reset-password --email …`.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createUser, DuplicateEmailError } from '../account/create-user.ts';
import { generateTemporaryPassword, markPasswordTemporary } from '../account/issue-temporary-password.ts';
import type { Db } from '../db/client.ts';

export const FIRST_ADMIN_EMAIL = 'admin@example.com';
const FILE_NAME = 'first-admin.txt';

export async function ensureFirstAdmin(db: Db, dataDir: string, now: Date = new Date()): Promise<{ email: string; password: string; expiresAt: Date } | null> {
  if ((await db.user.count()) > 0) return null;
  const password = generateTemporaryPassword();
  let userId: string;
  try {
    userId = (await createUser(db, { email: FIRST_ADMIN_EMAIL, password, name: 'Administrator', isAdmin: true })).id;
  } catch (err) {
    if (err instanceof DuplicateEmailError) return null; // another instance got there first
    throw err;
  }
  const expiresAt = await markPasswordTemporary(db, userId, now);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const note = `# Change it at the first sign-in (this file is then deleted). Unchanged, it stops working at ${expiresAt.toISOString()}.`;
  writeFileSync(path.join(dataDir, FILE_NAME), `email: ${FIRST_ADMIN_EMAIL}\npassword: ${password}\n${note}\n`, { mode: 0o600 });
  return { email: FIRST_ADMIN_EMAIL, password, expiresAt };
}

/** Removes first-admin.txt once the account it names has a password of its own. */
export function deleteFirstAdminFile(dataDir: string, email: string): void {
  const file = path.join(dataDir, FILE_NAME);
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    return; // not there (already deleted, or another data directory)
  }
  if (content.split('\n').includes(`email: ${email}`)) rmSync(file, { force: true });
}
