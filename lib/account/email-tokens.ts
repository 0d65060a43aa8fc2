/**
 * Single-use links sent by email. The link carries an `evt_` token (256 random bits); only its
 * SHA-256 is stored (EmailToken.tokenHash), so a database leak yields no working link and lookup
 * is one indexed query. Verification links live 24 hours, password-reset links 1 hour.
 *
 * A link works once: it is spent by a conditional update (`usedAt IS NULL AND expiresAt > now`)
 * inside the caller's transaction, so two concurrent uses cannot both succeed.
 */
import { randomUUID } from 'node:crypto';
import { randomSecret, sha256 } from '../oidc/tokens.ts';
import type { Tx } from '../portal/transaction.ts';
import type { Db } from '../db/client.ts';

export type EmailTokenPurpose = 'verify_email' | 'reset_password' | 'change_email';

export const EMAIL_TOKEN_PREFIX = 'evt_';
export const EMAIL_TOKEN_TTL_SECONDS: Record<EmailTokenPurpose, number> = {
  verify_email: 24 * 3600,
  reset_password: 3600,
  change_email: 24 * 3600,
};

/** Why a link cannot be used; each has its own page text. */
export type LinkProblem = 'invalid' | 'expired' | 'used';

export class EmailLinkError extends Error {
  constructor(readonly problem: LinkProblem) {
    super(
      problem === 'expired'
        ? 'This link has expired. Ask for a new one.'
        : problem === 'used'
          ? 'This link has already been used. Ask for a new one if you still need it.'
          : 'This link is not valid. Check that you copied the whole link from the email, or ask for a new one.',
    );
    this.name = 'EmailLinkError';
  }
}

export async function issueEmailToken(
  tx: Db | Tx,
  input: { userId: string; purpose: EmailTokenPurpose; newEmail?: string | null; now: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomSecret(EMAIL_TOKEN_PREFIX);
  const expiresAt = new Date(input.now.getTime() + EMAIL_TOKEN_TTL_SECONDS[input.purpose] * 1000);
  await tx.emailToken.create({
    data: {
      id: randomUUID(),
      userId: input.userId,
      purpose: input.purpose,
      tokenHash: sha256(token),
      newEmail: input.newEmail ?? null,
      createdAt: input.now,
      expiresAt,
    },
  });
  return { token, expiresAt };
}

type TokenRow = { id: string; userId: string; purpose: string; newEmail: string | null; expiresAt: Date; usedAt: Date | null };

async function find(tx: Db | Tx, token: string, purpose: EmailTokenPurpose): Promise<TokenRow> {
  if (typeof token !== 'string' || !token.startsWith(EMAIL_TOKEN_PREFIX)) throw new EmailLinkError('invalid');
  const row = await tx.emailToken.findUnique({ where: { tokenHash: sha256(token) } });
  if (!row || row.purpose !== purpose) throw new EmailLinkError('invalid');
  return row;
}

function problemOf(row: TokenRow, now: Date): LinkProblem | null {
  if (row.usedAt) return 'used';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}

/** Whether a link would still work, without spending it (the reset form checks before asking). */
export async function checkEmailToken(db: Db, token: string, purpose: EmailTokenPurpose, now: Date): Promise<{ userId: string }> {
  const row = await find(db, token, purpose);
  const problem = problemOf(row, now);
  if (problem) throw new EmailLinkError(problem);
  return { userId: row.userId };
}

/** Spends the link: its user (and new email, for change_email), or EmailLinkError. */
export async function consumeEmailToken(
  tx: Tx,
  token: string,
  purpose: EmailTokenPurpose,
  now: Date,
): Promise<{ userId: string; newEmail: string | null }> {
  const row = await find(tx, token, purpose);
  const problem = problemOf(row, now);
  if (problem) throw new EmailLinkError(problem);
  const { count } = await tx.emailToken.updateMany({
    where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) throw new EmailLinkError('used'); // spent by a concurrent request
  return { userId: row.userId, newEmail: row.newEmail };
}
