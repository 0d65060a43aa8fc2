/**
 * Signing key rotation (lib/oidc/keys.ts), for the CLI (`portico keys rotate`) and /admin/keys.
 * New keys, one per algorithm, are published in the JWKS at once and sign from `activatesAt`:
 * at the earliest 2 × PORTICO_KEY_RELOAD_SECONDS from now, once every instance lists them, or at a
 * later time the operator schedules. The keys they replace sign until then and stay published
 * until every token they signed has expired (the longest ID or access token lifetime after it).
 * Audited (the operator, or null for the CLI). The key store writes outside this transaction, so
 * the audit record follows the rotation it describes.
 */
import type { Db } from '../db/client.ts';
import { SIGNING_ALGS, type KeyRing } from '../oidc/keys.ts';
import { recordAudit } from '../portal/audit.ts';
import { ValidationError } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import { requireOperator } from './operator.ts';
import type { KeyRotation } from './types.ts';

/** What decides how long a replaced key stays published: the lifetimes of what it signed. */
export type TokenLifetimes = { idToken: number; maxAccessToken: number };

/** The furthest ahead a rotation may be scheduled. */
export const MAX_SCHEDULE_DAYS = 90;

export const keyRetentionSeconds = (ttl: TokenLifetimes) => Math.max(ttl.idToken, ttl.maxAccessToken);

/** Operators in /admin: now, or at `activatesAt`. */
export async function rotateSigningKeys(
  db: Db,
  actor: Actor,
  ring: KeyRing,
  ttl: TokenLifetimes,
  options: { activatesAt?: Date } = {},
  now = new Date(),
): Promise<KeyRotation> {
  await requireOperator(db, actor);
  return rotate(db, actor, ring, ttl, options, now);
}

/** The CLI: the operator at the console of the server, no account. */
export async function rotateSigningKeysFromCli(db: Db, ring: KeyRing, ttl: TokenLifetimes, options: { activatesAt?: Date } = {}, now = new Date()): Promise<KeyRotation> {
  return rotate(db, null, ring, ttl, options, now);
}

async function rotate(db: Db, actor: Actor | null, ring: KeyRing, ttl: TokenLifetimes, options: { activatesAt?: Date }, now: Date): Promise<KeyRotation> {
  if (options.activatesAt) checkSchedule(options.activatesAt, now);
  const result = await ring.rotate(keyRetentionSeconds(ttl), options.activatesAt);
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor,
      action: 'admin.keys_rotated',
      details: { kids: result.kids, activatesAt: result.activatesAt.toISOString(), retiredKids: result.retiredKids, publishUntil: result.publishUntil.toISOString() },
      at: now,
    }),
  );
  return { ...result, algs: SIGNING_ALGS };
}

function checkSchedule(activatesAt: Date, now: Date): void {
  if (Number.isNaN(activatesAt.getTime())) throw ValidationError.of('activatesAt', 'Enter the date and time the new keys should start signing.');
  if (activatesAt.getTime() <= now.getTime()) throw ValidationError.of('activatesAt', 'Choose a time in the future, or rotate now.');
  if (activatesAt.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * 86_400_000) {
    throw ValidationError.of('activatesAt', `Choose a time within ${MAX_SCHEDULE_DAYS} days. To rotate later than that, schedule it nearer the time.`);
  }
}
