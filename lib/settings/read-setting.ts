import type { Db } from '../db/client.ts';
import { settingSchemas, type SettingKey, type SettingValue } from './settings.ts';

/**
 * One operator setting as stored, checked against its rule; undefined when it was never set or
 * the stored value no longer passes (the caller falls back to its default). `db` may be a
 * transaction's client.
 */
export async function readSetting<K extends SettingKey>(db: Pick<Db, 'setting'>, key: K): Promise<SettingValue<K> | undefined> {
  const row = await db.setting.findUnique({ where: { key } });
  if (!row) return undefined;
  try {
    const parsed = settingSchemas[key].safeParse(JSON.parse(row.value));
    return parsed.success ? (parsed.data as SettingValue<K>) : undefined;
  } catch {
    return undefined;
  }
}
