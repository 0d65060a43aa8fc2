import { describe, expect, it } from 'vitest';
import { DATABASES } from '../../../tests/support/databases.ts';
import { useMigratedDatabase } from '../../../tests/support/migrated-database.ts';
import { usedJtiStore } from './used-jtis.ts';

describe.each(DATABASES)('used JWT ids on %s', (kind) => {
  const database = useMigratedDatabase(kind);

  it('accepts a key once, even when two uses race, and stores only its hash', async () => {
    const db = database.db();
    const store = usedJtiStore(db);
    const expiresAt = new Date(Date.now() + 60_000);
    const results = await Promise.all(Array.from({ length: 8 }, () => store.remember('client-a:jti-1', expiresAt)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.remember('client-b:jti-1', expiresAt)).toBe(true);
    const keys = (await db.usedJti.findMany()).map((r) => r.key);
    expect(keys).toHaveLength(2);
    expect(keys.some((k) => k.includes('jti-1'))).toBe(false);
  });
});
