/**
 * Human passwords are stored as argon2id hashes (RFC 9106), with OWASP's baseline parameters
 * (19 MiB memory, 2 iterations, 1 lane): slow enough to resist offline guessing, cheap enough
 * that a 2-core server can still answer sign-ins under load. Parameters live in each hash,
 * so raising them later does not break existing passwords.
 */
import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

/** False for a wrong password and for a hash argon2 cannot read (never throws). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spend the same work as a real verification when there is no account to check against,
 * so response time does not reveal which emails are registered.
 */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  await verifyPassword(await dummyHash, password);
}
