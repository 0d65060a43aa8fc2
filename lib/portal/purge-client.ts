/**
 * Everything an app was given stops working, inside the caller's transaction: every access and
 * refresh token and every grant is marked revoked (introspection answers inactive, RFC 7662 §2.2;
 * refresh fails), unused codes and pending sign-ins are deleted, consents are deleted, then the
 * app and its secrets. Token and grant rows are kept, revoked, for the audit trail.
 */
import type { Tx } from './transaction.ts';

export async function purgeClient(tx: Tx, clientId: string, now: Date): Promise<{ revokedTokens: number; revokedGrants: number }> {
  const tokens = await tx.token.updateMany({ where: { clientId, revokedAt: null }, data: { revokedAt: now } });
  const grants = await tx.grant.updateMany({ where: { clientId, revokedAt: null }, data: { revokedAt: now } });
  await tx.authorizationCode.deleteMany({ where: { clientId } });
  await tx.interaction.deleteMany({ where: { clientId } });
  await tx.consent.deleteMany({ where: { clientId } });
  await tx.client.delete({ where: { id: clientId } });
  return { revokedTokens: tokens.count, revokedGrants: grants.count };
}
