/**
 * Disables or re-enables an app: a disabled app fails client authentication (lib/oidc/client-auth.ts),
 * so it gets no new tokens. Reversible, so tokens already issued are left alone (deleteClient
 * revokes them). Takes effect on each server within its 5 s client cache.
 */
import type { Db } from '../db/client.ts';
import { requireClientRole } from './access.ts';
import { recordAudit } from './audit.ts';
import { toClientDetail } from './client-view.ts';
import type { Actor, ClientDetail } from './types.ts';

export async function setClientDisabled(db: Db, actor: Actor, clientId: string, disabled: boolean): Promise<ClientDetail> {
  return db.$transaction(async (tx) => {
    const { client, role } = await requireClientRole(tx, actor, clientId, 'developer', disabled ? 'disable apps' : 'enable apps');
    const row = await tx.client.update({ where: { id: client.id }, data: { disabled } });
    await recordAudit(tx, { actor, action: disabled ? 'client.disabled' : 'client.enabled', teamId: client.team.id, clientId: client.id });
    return toClientDetail({ ...row, secrets: client.secrets }, client.team, role);
  });
}
