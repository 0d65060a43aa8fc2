import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DATABASES, type TestDatabase } from '../../tests/support/databases.ts';
import { createPrismaClient, type Db } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { deleteClientLogo, readClientLogo, saveClientLogo } from './client-logo.ts';
import { createClient } from './create-client.ts';
import { purgeClient } from './purge-client.ts';

const ISSUER = 'https://id.example.com';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 0, 255]);
const OTHER = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 4, 5, 6]);

describe.each(DATABASES)('app logos in the database (%s)', (kind) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await migrateDatabase(database.url);
    db = await createPrismaClient(database.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  const newApp = async (name: string) => (await createClient(db, { name, type: 'web', redirectUris: ['https://app.example.com/cb'] })).client.id;

  it('stores the exact bytes, replaces them under a new versioned URL, and removes them', async () => {
    const id = await newApp('Logo App');
    const first = await saveClientLogo(db, ISSUER, id, PNG);
    expect(first).toMatch(new RegExp(`^${ISSUER}/logos/${id}\\?v=[\\w-]{10}$`));
    expect(await readClientLogo(db, id)).toEqual(PNG);

    const second = await saveClientLogo(db, ISSUER, id, OTHER);
    expect(second).not.toBe(first);
    expect(await readClientLogo(db, id)).toEqual(OTHER);

    await deleteClientLogo(db, id);
    expect(await readClientLogo(db, id)).toBeNull();
    await expect(deleteClientLogo(db, id)).resolves.toBeUndefined();
  });

  it('goes with the app, whichever path deletes it (they all purge the client)', async () => {
    const id = await newApp('Short-lived App');
    await saveClientLogo(db, ISSUER, id, PNG);
    await db.$transaction((tx) => purgeClient(tx, id, new Date()));
    expect(await db.clientLogo.count({ where: { clientId: id } })).toBe(0);
  });

  it('refuses a logo for an app that does not exist', async () => {
    await expect(saveClientLogo(db, ISSUER, 'no-such-app', PNG)).rejects.toThrow();
  });
});
