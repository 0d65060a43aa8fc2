/**
 * Edits any app as the operator (`portico client update`): no actor and no team role, like
 * setClientVerified — the operator runs the server. The same rules as every other edit: field
 * rules first, then the rules that depend on the app's type and on its stored values
 * (client-update.ts), one transaction with the audit record. A secret issued by a change of
 * authentication method is in the result once.
 */
import type { ZodError } from 'zod';
import type { Db } from '../db/client.ts';
import type { ClientKind } from '../oidc/redirect-uri.ts';
import { updateClientSchema, updateClientSchemaFor, type UpdateClientInput } from '../validation/client-update.ts';
import { isPlausibleId } from './access.ts';
import { applyClientPatch } from './apply-client-patch.ts';
import { checkSectorIdentifierOnEdit, type SectorFetchOptions } from './check-sector-identifier.ts';
import { recordAudit } from './audit.ts';
import { clientSettingsOf, type ClientSettings } from './client-view.ts';
import { NotFoundError } from './errors.ts';

export type OperatorUpdatedClient = { client: ClientSettings; clientSecret: string | null };

/** Throws ZodError for invalid input (the CLI names the flag of each field), NotFoundError for an unknown id. */
export async function updateOperatorClient(
  db: Db, clientId: string, patch: UpdateClientInput, options: { now?: Date; serverSecret?: string; sectorFetch?: SectorFetchOptions } = {},
): Promise<OperatorUpdatedClient> {
  const parsed = updateClientSchema.parse(patch);
  if (!isPlausibleId(clientId)) throw new NotFoundError();
  await checkSectorIdentifierOnEdit(db, clientId, parsed, options.sectorFetch ?? {});
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const client = await tx.client.findUnique({ where: { id: clientId }, include: { secrets: true } });
    if (!client) throw new NotFoundError();
    const result = updateClientSchemaFor(client.type as ClientKind, clientSettingsOf(client)).safeParse(patch);
    if (!result.success) throw result.error as ZodError;
    const { row, clientSecret } = await applyClientPatch(tx, client, result.data, now, options.serverSecret);
    await recordAudit(tx, { actor: null, action: 'client.updated', teamId: client.teamId, clientId: client.id, details: { fields: Object.keys(result.data) }, at: now });
    return { client: clientSettingsOf(row), clientSecret };
  });
}
