/**
 * The operator's default API (CLI `portico resources default`): the RFC 8707 resource given to
 * tokens requested without one. It must be an operator-managed API — a team could rename or
 * delete its own — or null for none (tokens requested without a resource are then for sign-in
 * only). Written with writeSetting and audited in one transaction; every instance applies it on
 * its next request (the "settings" cache counter).
 */
import type { Db } from '../db/client.ts';
import { writeSetting } from '../settings/write-setting.ts';
import { findOperatorResource } from './api-resource-access.ts';
import { recordAudit } from './audit.ts';

export async function setDefaultResource(db: Db, identifier: string | null, now = new Date()): Promise<{ identifier: string | null; name: string | null }> {
  return db.$transaction(async (tx) => {
    const resource = identifier === null ? null : await findOperatorResource(tx, { identifier });
    await writeSetting(tx, 'default_resource', resource?.identifier ?? null);
    await recordAudit(tx, { actor: null, action: 'settings.default_resource', details: { identifier: resource?.identifier ?? null }, at: now });
    return { identifier: resource?.identifier ?? null, name: resource?.name ?? null };
  });
}
