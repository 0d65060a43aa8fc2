/**
 * Edits an app (owners and developers). The patch is validated with the same field rules as
 * creation, and the type-dependent ones (redirect URIs per RFC 6749 §3.1.2 / RFC 8252 §7, grant
 * types, authentication method) against the app's type, which never changes.
 *
 * skipConsent lets an app sign users in without asking them: only administrators may change it.
 * The core reads clients through a 5 s cache, so edits apply on each server within 5 s.
 */
import type { Db } from '../db/client.ts';
import type { ClientKind } from '../oidc/redirect-uri.ts';
import { parseScopeDescriptions } from '../oidc/scopes.ts';
import { updateClientSchema, updateClientSchemaFor, type UpdateClientInput } from '../validation/client-update.ts';
import { scopeDescriptionsColumn } from '../validation/scope-descriptions.ts';
import { requireClientRole } from './access.ts';
import { recordAudit } from './audit.ts';
import { toClientDetail } from './client-view.ts';
import { ForbiddenError, parseInput } from './errors.ts';
import type { Actor, ClientDetail } from './types.ts';

export async function updateClient(db: Db, actor: Actor, clientId: string, patch: UpdateClientInput): Promise<ClientDetail> {
  parseInput(updateClientSchema, patch); // field errors first, before any lookup
  return db.$transaction(async (tx) => {
    const { client, role } = await requireClientRole(tx, actor, clientId, 'developer', 'edit apps');
    const values = parseInput(updateClientSchemaFor(client.type as ClientKind, client), patch);
    if (values.skipConsent !== undefined && values.skipConsent !== client.skipConsent) {
      const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { isAdmin: true } });
      if (!user?.isAdmin) throw new ForbiddenError('Only administrators can let an app skip the consent screen.');
    }
    if (Object.keys(values).length === 0) return toClientDetail(client, client.team, role);
    const { redirectUris, postLogoutRedirectUris, grantTypes, idTokenAlg, scopeDescriptions, ...plain } = values;
    // A new scope drops the descriptions of the scopes it no longer has.
    const descriptions = scopeDescriptions ?? (values.scope === undefined ? undefined : parseScopeDescriptions(client.scopeDescriptions));
    const row = await tx.client.update({
      where: { id: client.id },
      data: {
        ...plain,
        ...(descriptions ? { scopeDescriptions: scopeDescriptionsColumn(descriptions, values.scope ?? client.scope) } : {}),
        ...(redirectUris ? { redirectUris: JSON.stringify(redirectUris) } : {}),
        ...(postLogoutRedirectUris ? { postLogoutRedirectUris: JSON.stringify(postLogoutRedirectUris) } : {}),
        ...(grantTypes ? { grantTypes: JSON.stringify(grantTypes) } : {}),
        ...(idTokenAlg ? { idTokenSignedResponseAlg: idTokenAlg } : {}),
      },
    });
    await recordAudit(tx, { actor, action: 'client.updated', teamId: client.team.id, clientId: client.id, details: { fields: Object.keys(values) } });
    return toClientDetail({ ...row, secrets: client.secrets }, client.team, role);
  });
}
