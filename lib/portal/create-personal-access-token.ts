/**
 * Creates a personal access token for the REST API: `pat_` + 256 random bits, stored only as its
 * SHA-256 hash and last four characters; the plaintext is in the result once. It acts as its user
 * (with that user's team roles), limited to its scopes, for 1–365 days.
 *
 * Only an account whose email address is confirmed may create one: a token is a credential that
 * outlives sessions, and an unconfirmed account may belong to someone who typed another person's
 * address (or a throwaway one) at sign-up. The same rule refuses such an account's existing tokens
 * (authenticate-personal-access-token.ts). The admin:* scopes are for operators' tokens only; the
 * operators' endpoints check the role again on every request (lib/admin/operator.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { randomSecret, sha256 } from '../oidc/tokens.ts';
import { ADMIN_PAT_SCOPES, createPersonalAccessTokenSchema, PAT_PREFIX, type CreatePersonalAccessTokenInput } from '../validation/personal-access-token.ts';
import { recordAudit } from './audit.ts';
import { ForbiddenError, NotFoundError, parseInput, ValidationError } from './errors.ts';
import { toPatSummary } from './pat-view.ts';
import type { Actor, CreatedPersonalAccessToken } from './types.ts';

const DAY_MS = 24 * 3600 * 1000;

export async function createPersonalAccessToken(
  db: Db, actor: Actor, input: CreatePersonalAccessTokenInput, now = new Date(),
): Promise<CreatedPersonalAccessToken> {
  const { name, scopes, expiresInDays } = parseInput(createPersonalAccessTokenSchema, input);
  const secret = randomSecret(PAT_PREFIX);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { email: true, emailVerified: true, isAdmin: true } });
    if (!user) throw new NotFoundError('user');
    if (!user.emailVerified) throw new ForbiddenError(unconfirmedEmailMessage(user.email));
    if (!user.isAdmin && scopes.some((s) => ADMIN_PAT_SCOPES.includes(s))) {
      throw ValidationError.of('scopes', 'Only operators (administrators) can create tokens with the admin:read or admin:write scope. Untick them.');
    }
    const row = await tx.personalAccessToken.create({
      data: {
        id: randomUUID(), userId: actor.userId, name, hash: sha256(secret), last4: secret.slice(-4), scopes: scopes.join(' '),
        createdAt: now, expiresAt: new Date(now.getTime() + expiresInDays * DAY_MS),
      },
    });
    await recordAudit(tx, { actor, action: 'pat.created', details: { tokenId: row.id, name, scopes, expiresInDays }, at: now });
    return { token: toPatSummary(row), secret };
  });
}

function unconfirmedEmailMessage(email: string): string {
  return (
    `Confirm your email address before creating a personal access token. Open the link we sent to ${email} when you signed up. ` +
    'Lost it, or has it expired? Use "Send the email again" on this page or in your account; a reset link from "Forgot password?" confirms it too.'
  );
}
