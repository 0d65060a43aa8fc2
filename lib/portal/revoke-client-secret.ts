/**
 * Revokes one client secret at once (owners and developers), e.g. one that leaked or one still in
 * its rotation grace period. Within the core's 5 s client cache it stops authenticating.
 */
import type { Db } from '../db/client.ts';
import { requireClientRole } from './access.ts';
import { recordAudit } from './audit.ts';
import { toSecretSummary } from './client-view.ts';
import { NotFoundError } from './errors.ts';
import type { Actor, SecretSummary } from './types.ts';

export async function revokeClientSecret(db: Db, actor: Actor, clientId: string, secretId: string, now = new Date()): Promise<SecretSummary> {
  return db.$transaction(async (tx) => {
    const { client, role } = await requireClientRole(tx, actor, clientId, 'developer', 'revoke secrets');
    const secret = client.secrets.find((s) => s.id === secretId);
    if (!secret) throw new NotFoundError('secret');
    if (secret.revokedAt) return toSecretSummary(secret, role, now);
    const revoked = await tx.clientSecret.update({ where: { id: secret.id }, data: { revokedAt: now } });
    await recordAudit(tx, { actor, action: 'client.secret_revoked', teamId: client.team.id, clientId: client.id, details: { secretId }, at: now });
    return toSecretSummary(revoked, role, now);
  });
}
