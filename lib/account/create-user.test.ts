import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type Db } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../../tests/support/databases.ts';
import { createUser } from './create-user.ts';
import { verifyUserPassword } from './verify-password.ts';

describe('createUser and verifyUserPassword (SQLite)', () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await migrateDatabase(database.url);
    db = await createPrismaClient(database.url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it('stores a normalised email and an argon2id hash, never the password', async () => {
    const user = await createUser(db, { email: ' Ada@Example.com ', password: 'analytical engine', name: 'Ada' });
    expect(user).toMatchObject({ email: 'ada@example.com', name: 'Ada', isAdmin: false });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain('analytical engine');
  });

  it('refuses a second account with the same email', async () => {
    await expect(createUser(db, { email: 'ADA@example.com', password: 'another password' })).rejects.toThrow(
      'A user with this email already exists.',
    );
  });

  it('verifies the password for the normalised email only', async () => {
    expect(await verifyUserPassword(db, '  ADA@example.com', 'analytical engine')).toMatchObject({
      email: 'ada@example.com',
      name: 'Ada',
    });
    expect(await verifyUserPassword(db, 'ada@example.com', 'wrong password')).toBeNull();
    expect(await verifyUserPassword(db, 'nobody@example.com', 'analytical engine')).toBeNull();
    expect(await verifyUserPassword(db, 'not an email', 'analytical engine')).toBeNull();
  });
});
