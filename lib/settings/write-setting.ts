import type { Db } from '../db/client.ts';
import { settingSchemas, type SettingKey, type SettingValue } from './settings.ts';

export class InvalidSettingError extends Error {}

/**
 * Validates and stores one operator setting; every instance picks it up on its next request.
 * `db` may be a transaction's client, so a use case can audit the change in the same transaction.
 */
export async function writeSetting<K extends SettingKey>(db: Pick<Db, 'setting'>, key: K, value: SettingValue<K>): Promise<void> {
  const parsed = settingSchemas[key].safeParse(value);
  if (!parsed.success) throw new InvalidSettingError(`${key}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const json = JSON.stringify(parsed.data);
  await db.setting.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
}
