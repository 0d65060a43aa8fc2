/**
 * Creates a user account. Input is validated with the shared schema (lib/validation/user.ts),
 * the email is stored normalised (trimmed, lower-cased) and the password only as an argon2id hash.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { createUserSchema, type CreateUserInput } from '../validation/user.ts';
import { hashPassword } from './password.ts';

export type CreatedUser = { id: string; email: string; name: string | null; isAdmin: boolean };

export class DuplicateEmailError extends Error {
  constructor() {
    super('A user with this email already exists.');
    this.name = 'DuplicateEmailError';
  }
}

export async function createUser(db: Db, input: CreateUserInput): Promise<CreatedUser> {
  const { email, password, name, isAdmin } = createUserSchema.parse(input);
  const passwordHash = await hashPassword(password);
  try {
    return await db.user.create({
      data: { id: randomUUID(), email, name: name ?? null, passwordHash, isAdmin },
      select: { id: true, email: true, name: true, isAdmin: true },
    });
  } catch (err) {
    // P2002: unique constraint violation, here on User.email.
    if ((err as { code?: unknown } | null)?.code === 'P2002') throw new DuplicateEmailError();
    throw err;
  }
}
