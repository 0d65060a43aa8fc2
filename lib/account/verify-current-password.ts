/**
 * Re-authentication of a signed-in user: every use case that asks for the current password
 * (change password or email, delete the account, turn two-step verification on or off, make new
 * recovery codes) checks it here, through one limiter per account
 * (lib/rate-limit/policies.ts currentPasswordPerAccount).
 *
 * A session alone must not be enough for these changes, and must not be an unlimited password
 * oracle either (NIST SP 800-63B §5.2.2 rate limiting; OWASP ASVS V2.2.1): a point is taken from
 * the account's budget before argon2 runs, atomically in memory or Redis, so concurrent guesses
 * cannot all be checked; past the budget the attempt is refused without any argon2 work, right
 * password or not, until the window passes. A right password gives its point back, so only
 * failures count.
 */
import type { Db } from '../db/client.ts';
import type { Tx } from '../portal/transaction.ts';
import type { Limiter } from '../rate-limit/limiter.ts';
import { waitWords } from '../rate-limit/messages.ts';
import { verifyPassword } from './password.ts';

export class WrongCurrentPasswordError extends Error {
  constructor() {
    super('Your current password is not correct. Type it again, or use "Forgot password?" on the sign-in page.');
    this.name = 'WrongCurrentPasswordError';
  }
}

export class TooManyPasswordAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Too many wrong passwords for this account. Wait ${waitWords(retryAfterSeconds)} and try again. ` +
        'Forgotten it? Sign out and use "Forgot password?" on the sign-in page.',
    );
    this.name = 'TooManyPasswordAttemptsError';
  }
}

/** Throws TooManyPasswordAttemptsError or WrongCurrentPasswordError; returns when the password is right. */
export async function verifyCurrentPassword(db: Db | Tx, attempts: Limiter, userId: string, password: string): Promise<void> {
  const decision = await attempts.consume(userId);
  if (!decision.allowed) throw new TooManyPasswordAttemptsError(decision.retryAfterSeconds);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, password))) throw new WrongCurrentPasswordError();
  await attempts.reward(userId);
}
