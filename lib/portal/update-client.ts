/**
 * Edits an app (owners and developers). The patch is validated with the same field rules as
 * creation, the type-dependent ones (redirect URIs per RFC 6749 §3.1.2 / RFC 8252 §7, grant
 * types, authentication method) against the app's type, which never changes, and the rules
 * between protocol fields against the app's stored values (client-update.ts).
 *
 * skipConsent lets an app sign users in without asking them: only administrators may change it.
 * A change of authentication method may issue a secret (apply-client-patch.ts): it is in the
 * result once; `serverSecret` (config.secret) seals it for client_secret_jwt.
 * The core reads clients through a 5 s cache, so edits apply on each server within 5 s.
 */
import type { Db } from '../db/client.ts';
import type { ClientKind } from '../oidc/redirect-uri.ts';
import { updateClientSchema, updateClientSchemaFor, type UpdateClientInput } from '../validation/client-update.ts';
import { requireClientRole } from './access.ts';
import { applyClientPatch } from './apply-client-patch.ts';
import { checkSectorIdentifierOnEdit, type SectorFetchOptions } from './check-sector-identifier.ts';
import { recordAudit } from './audit.ts';
import { clientSettingsOf, toClientDetail } from './client-view.ts';
import { ForbiddenError, parseInput } from './errors.ts';
import type { Actor, UpdatedClient } from './types.ts';

export async function updateClient(
  db: Db, actor: Actor, clientId: string, patch: UpdateClientInput, serverSecret?: string, sectorFetch: SectorFetchOptions = {},
): Promise<UpdatedClient> {
  const parsed = parseInput(updateClientSchema, patch); // field errors first, before any lookup
  await checkSectorIdentifierOnEdit(db, clientId, parsed, sectorFetch);
  return db.$transaction(async (tx) => {
    const { client, role } = await requireClientRole(tx, actor, clientId, 'developer', 'edit apps');
    const values = parseInput(updateClientSchemaFor(client.type as ClientKind, clientSettingsOf(client)), patch);
    if (values.skipConsent !== undefined && values.skipConsent !== client.skipConsent) {
      const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { isAdmin: true } });
      if (!user?.isAdmin) throw new ForbiddenError('Only administrators can let an app skip the consent screen.');
    }
    if (Object.keys(values).length === 0) return toClientDetail(client, client.team, role);
    const now = new Date();
    const { row, clientSecret } = await applyClientPatch(tx, client, values, now, serverSecret);
    await recordAudit(tx, { actor, action: 'client.updated', teamId: client.team.id, clientId: client.id, details: { fields: Object.keys(values) }, at: now });
    return { ...toClientDetail(row, client.team, role, now), ...(clientSecret ? { clientSecret } : {}) };
  });
}
