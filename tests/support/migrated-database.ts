/** A suite's own migrated database of one kind: created before its tests, dropped after them. */
import { afterAll, beforeAll } from 'vitest';
import { createPrismaClient, type Db } from '@/lib/db/client.ts';
import { migrateDatabase } from '@/lib/db/migrate.ts';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.ts';

export function useMigratedDatabase(kind: DatabaseKind): { db: () => Db } {
  let database: TestDatabase | undefined;
  let db: Db | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await migrateDatabase(database.url);
    db = await createPrismaClient(database.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });
  return {
    db: () => {
      if (!db) throw new Error('The database is made in beforeAll: use it inside a test.');
      return db;
    },
  };
}
