/**
 * First start on an empty database: create an administrator with a random password so a newcomer
 * can sign in at once. The password is printed once and written to <data dir>/first-admin.txt
 * (mode 600); nothing else keeps it.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createUser, DuplicateEmailError } from '../account/create-user.ts';
import type { Db } from '../db/client.ts';

export const FIRST_ADMIN_EMAIL = 'admin@example.com';

export async function ensureFirstAdmin(db: Db, dataDir: string): Promise<{ email: string; password: string } | null> {
  if ((await db.user.count()) > 0) return null;
  const password = randomBytes(12).toString('base64url');
  try {
    await createUser(db, { email: FIRST_ADMIN_EMAIL, password, name: 'Administrator', isAdmin: true });
  } catch (err) {
    if (err instanceof DuplicateEmailError) return null; // another instance got there first
    throw err;
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, 'first-admin.txt'), `email: ${FIRST_ADMIN_EMAIL}\npassword: ${password}\n`, { mode: 0o600 });
  return { email: FIRST_ADMIN_EMAIL, password };
}
