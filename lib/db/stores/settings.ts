/**
 * Operator settings, cached behind the "settings" counter (lib/db/cache-version.ts): a change made
 * from the CLI, /admin or another instance applies everywhere within REUSE_VERSION_MS.
 */
import type { OperatorSettings, SettingsStore } from '../../oidc/ports.ts';
import { parseSettings, type SettingKey } from '../../settings/settings.ts';
import { cacheVersionReader, REUSE_VERSION_MS } from '../cache-version.ts';
import type { Db } from '../client.ts';
import { hotStoreOf } from '../hot/index.ts';

export function settingsStore(db: Db, defaults: OperatorSettings): SettingsStore {
  const readVersion = cacheVersionReader(hotStoreOf(db), 'settings', { reuseForMs: REUSE_VERSION_MS });
  let cached: { version: number; settings: Promise<OperatorSettings> } | null = null;

  return {
    async get() {
      const version = await readVersion();
      if (!cached || cached.version !== version) {
        const settings = db.setting
          .findMany()
          .then((rows) => parseSettings(Object.fromEntries(rows.map((r) => [r.key as SettingKey, r.value])), defaults));
        cached = { version, settings };
        settings.catch(() => {
          if (cached?.settings === settings) cached = null;
        });
      }
      return cached.settings;
    },
  };
}
