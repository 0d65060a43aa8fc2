/**
 * Who may register clients at /oauth/register (CLI `portico settings registration`): off, open to
 * anyone (clients expire `openClientTtlDays` after registration) or only with the initial access
 * token (RFC 7591 §3). Written with writeSetting and audited in one transaction; every instance
 * applies it within moments, without a restart (the "settings" cache counter). Without `ttlDays`
 * the current lifetime is kept.
 */
import type { Db } from '../db/client.ts';
import { DEFAULT_SETTINGS } from '../db/stores/index.ts';
import type { OperatorSettings } from '../oidc/ports.ts';
import { parseSettings } from '../settings/settings.ts';
import { writeSetting } from '../settings/write-setting.ts';
import { recordAudit } from './audit.ts';
import type { Tx } from './transaction.ts';
import type { Actor } from './types.ts';

export type RegistrationSetting = OperatorSettings['registration'];

export async function setRegistrationPolicy(
  db: Db,
  input: { mode: RegistrationSetting['mode']; ttlDays?: number },
  now = new Date(),
): Promise<RegistrationSetting> {
  return db.$transaction((tx) => writeRegistrationPolicy(tx, input, null, now));
}

/** The change and its audit record inside the caller's transaction; `actor` null: the CLI (an operator in /admin passes theirs). */
export async function writeRegistrationPolicy(
  tx: Tx,
  input: { mode: RegistrationSetting['mode']; ttlDays?: number },
  actor: Actor | null,
  now = new Date(),
): Promise<RegistrationSetting> {
  const stored = await tx.setting.findUnique({ where: { key: 'registration' } });
  const current = parseSettings(stored ? { registration: stored.value } : {}, DEFAULT_SETTINGS).registration;
  const value: RegistrationSetting = { mode: input.mode, openClientTtlDays: input.ttlDays ?? current.openClientTtlDays };
  await writeSetting(tx, 'registration', value);
  await recordAudit(tx, { actor, action: 'settings.registration', details: value, at: now });
  return value;
}
