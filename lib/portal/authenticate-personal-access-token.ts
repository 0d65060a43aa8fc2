/**
 * Resolves a presented `pat_…` bearer token (RFC 6750 §2.1) to its user and scopes, or null when
 * it is unknown, malformed, revoked or expired — the caller answers all of those alike (401).
 * A valid token whose account has no confirmed email address (one made before that rule,
 * create-personal-access-token.ts) throws ForbiddenError: the REST API answers 403 with a message
 * saying how to confirm it (RFC 6750 §3.1: the token is fine, the account may not use it).
 *
 * One indexed lookup by SHA-256 hash, then a constant-time comparison of the hashes. lastUsedAt
 * is written at most once a minute per token, so a busy script does not write on every request.
 * No audit record: this is a read, and it would flood the trail.
 */
import type { Db } from '../db/client.ts';
import { constantTimeEqual, sha256 } from '../oidc/tokens.ts';
import { PAT_PREFIX } from '../validation/personal-access-token.ts';
import { ForbiddenError } from './errors.ts';
import { parsePatScopes } from './pat-view.ts';
import type { PatScope } from './types.ts';

const LAST_USED_GRANULARITY_MS = 60_000;
const MAX_TOKEN_LENGTH = 200;

export type AuthenticatedToken = { userId: string; tokenId: string; scopes: PatScope[] };

export async function authenticatePersonalAccessToken(db: Db, token: string, now = new Date()): Promise<AuthenticatedToken | null> {
  if (!token.startsWith(PAT_PREFIX) || token.length > MAX_TOKEN_LENGTH) return null;
  const hash = sha256(token);
  const row = await db.personalAccessToken.findUnique({ where: { hash }, include: { user: { select: { email: true, emailVerified: true } } } });
  if (!row || !constantTimeEqual(row.hash, hash) || row.revokedAt || row.expiresAt <= now) return null;
  if (!row.user.emailVerified) {
    throw new ForbiddenError(
      `Confirm the email address of the account that owns this token (${row.user.email}) with the link we sent to it, ` +
        'or use "Forgot password?" on the sign-in page: the reset link confirms it too. Then try again.',
    );
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
    await db.personalAccessToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { userId: row.userId, tokenId: row.id, scopes: parsePatScopes(row.scopes) };
}
