/**
 * Issues a new client secret and retires the old ones (owners and developers).
 *
 * - The new `cs_` secret is 256 random bits; only its SHA-256 hash and last four characters are
 *   stored (sealed too for a client_secret_jwt app, issue-client-secret.ts, with `serverSecret` =
 *   config.secret), and the plaintext is in the result once.
 * - Public apps have no secret, and a private_key_jwt app proves itself with its key: neither
 *   rotates a secret.
 * - Grace period: the secrets live before the rotation keep working for 0 s, 1 h, 1 day or 7 days
 *   (expiresAt = now + grace, never later than an expiry they already had), so deployments can
 *   switch to the new one without downtime. 0 revokes them at once.
 * - The core caches clients for 5 s: on each server the new secret works, and a revoked one stops
 *   working, within 5 s.
 */
import type { Db } from '../db/client.ts';
import { rotateClientSecretSchema, type RotateClientSecretInput } from '../validation/client-update.ts';
import { requireClientRole } from './access.ts';
import { recordAudit } from './audit.ts';
import { toSecretSummary } from './client-view.ts';
import { parseInput, ValidationError } from './errors.ts';
import { issueClientSecret } from './issue-client-secret.ts';
import type { Actor, RotatedSecret } from './types.ts';

export async function rotateClientSecret(
  db: Db, actor: Actor, clientId: string, input: RotateClientSecretInput, now = new Date(), serverSecret?: string,
): Promise<RotatedSecret> {
  const { gracePeriodSeconds } = parseInput(rotateClientSecretSchema, input);
  return db.$transaction(async (tx) => {
    const { client, role } = await requireClientRole(tx, actor, clientId, 'developer', 'rotate secrets');
    if (client.tokenEndpointAuthMethod === 'none') {
      throw ValidationError.of('', 'Single-page and native apps are public clients: they have no secret to rotate.');
    }
    if (client.tokenEndpointAuthMethod === 'private_key_jwt') {
      throw ValidationError.of('', 'This app authenticates with private_key_jwt: it has no secret. Replace its key in its public keys (jwks or jwks_uri) instead.');
    }
    const live = { clientId: client.id, revokedAt: null };
    if (gracePeriodSeconds === 0) {
      await tx.clientSecret.updateMany({ where: live, data: { revokedAt: now } });
    } else {
      const graceEnd = new Date(now.getTime() + gracePeriodSeconds * 1000);
      await tx.clientSecret.updateMany({ where: { ...live, OR: [{ expiresAt: null }, { expiresAt: { gt: graceEnd } }] }, data: { expiresAt: graceEnd } });
    }
    const { row: secret, clientSecret } = await issueClientSecret(tx, client.id, client.tokenEndpointAuthMethod, now, serverSecret);
    await recordAudit(tx, {
      actor, action: 'client.secret_rotated', teamId: client.team.id, clientId: client.id, details: { secretId: secret.id, gracePeriodSeconds }, at: now,
    });
    return { secret: toSecretSummary(secret, role, now), clientSecret };
  });
}
