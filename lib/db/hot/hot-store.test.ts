/**
 * The driver-level hot store against Prisma, on real SQLite and PostgreSQL databases: what one
 * writes the other reads back identically, claims are single-use, the client counter moves with
 * every client write, and on SQLite a batch never lands inside an open Prisma transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../portal/create-client.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../../../tests/support/databases.ts';
import { createPrismaClient, type Db } from '../client.ts';
import { migrateDatabase } from '../migrate.ts';
import { toClientRecord } from '../stores/clients.ts';
import { closeHotStore, hotStoreOf } from './index.ts';
import type { HotStore } from './hot-store.ts';

const at = (iso: string) => new Date(iso);

describe.each(DATABASES)('hot store on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let hot: HotStore;
  let clientId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await migrateDatabase(database.url);
    db = await createPrismaClient(database.url);
    hot = hotStoreOf(db);
    clientId = (await createClient(db, { name: 'svc', type: 'service', redirectUris: [] })).client.id;
  });
  afterAll(async () => {
    await closeHotStore(db);
    await db?.$disconnect();
    await database?.drop();
  });

  const token = (hash: string, kind: 'access' | 'refresh' = 'access') => ({
    hash, kind, grantId: 'g1', clientId, userId: null as string | null, scope: 'jobs', audience: kind === 'access' ? 'https://api.example/ https://jobs.example/' : null,
    cnfJkt: kind === 'access' ? 'jkt-of-a-dpop-key' : null, expiresAt: at('2030-01-02T03:04:05.678Z'), createdAt: at('2026-12-03T10:00:00.123Z'),
  });

  it('writes tokens and their activity count that Prisma reads back exactly', async () => {
    await hot.insertTokens([token('h-a'), token('h-b', 'refresh')]);
    await hot.countActivity([{ clientId, signIns: 0, tokens: 1, at: at('2026-12-03T10:00:00.123Z') }]);
    const rows = await db.token.findMany({ where: { hash: { in: ['h-a', 'h-b'] } }, orderBy: { hash: 'asc' } });
    expect(rows).toEqual([
      { ...token('h-a'), consumedAt: null, revokedAt: null },
      { ...token('h-b', 'refresh'), consumedAt: null, revokedAt: null },
    ]);
    const activity = await db.clientActivity.findUnique({ where: { clientId_day: { clientId, day: '2026-12-03' } } });
    expect(activity).toMatchObject({ tokens: 1, signIns: 0, lastUsedAt: at('2026-12-03T10:00:00.123Z') });
  });

  it('stores dates so that Prisma range queries compare them like its own', async () => {
    await hot.insertTokens([token('h-range')]);
    const expiresAt = token('h-range').expiresAt.getTime();
    const count = (where: object) => db.token.count({ where: { hash: 'h-range', ...where } });
    expect(await count({ expiresAt: { gt: new Date(expiresAt - 1) } })).toBe(1);
    expect(await count({ expiresAt: { lt: new Date(expiresAt + 1) } })).toBe(1);
    expect(await count({ expiresAt: { lt: new Date(expiresAt) } })).toBe(0);
    expect(await count({ expiresAt: { lte: new Date(expiresAt) } })).toBe(1);
    expect(await count({ expiresAt: { equals: new Date(expiresAt) } })).toBe(1);
  });

  it('reads what Prisma wrote, with its grant and user, and spends a refresh token once', async () => {
    await db.token.create({ data: { ...token('h-c', 'refresh'), revokedAt: at('2026-12-03T11:00:00.000Z') } });
    const stored = await db.token.findUnique({ where: { hash: 'h-c' } });
    const clientsVersion = await hot.cacheVersion('clients');
    expect(await hot.findTokens(['h-c', 'missing'])).toEqual({ rows: [stored], clientsVersion });
    expect(await hot.findTokensInContext(['missing', 'h-c'])).toEqual({ rows: [{ token: stored, grant: null, user: null }], clientsVersion });
    const replacement = token('h-c-next', 'refresh');
    expect(await hot.spendAndInsert([{ spent: 'h-c', tokens: [replacement] }], new Date())).toEqual([]); // revoked: never spendable
    expect(await db.token.findUnique({ where: { hash: 'h-c-next' } })).toBeNull();

    await db.token.create({ data: token('h-d', 'refresh') });
    await db.token.create({ data: token('h-e', 'refresh') });
    const when = at('2026-12-03T12:00:00.000Z');
    const next = [token('h-d-access'), token('h-d-refresh', 'refresh')];
    expect(await hot.spendAndInsert([{ spent: 'h-d', tokens: next }, { spent: 'h-e', tokens: [token('h-e-access')] }], when)).toEqual(
      expect.arrayContaining(['h-d', 'h-e']),
    );
    expect(await db.token.findMany({ where: { hash: { in: ['h-d-access', 'h-d-refresh'] } }, orderBy: { hash: 'asc' } })).toEqual(
      next.map((t) => ({ ...t, consumedAt: null, revokedAt: null })),
    );
    expect(await hot.spendAndInsert([{ spent: 'h-d', tokens: [token('h-d-again')] }], when)).toEqual([]);
    expect(await db.token.findUnique({ where: { hash: 'h-d-again' } })).toBeNull();
    expect((await db.token.findUnique({ where: { hash: 'h-d' } }))?.consumedAt).toEqual(when);
    // An access token is never spendable, whatever its hash.
    expect(await hot.spendAndInsert([{ spent: 'h-d-access', tokens: [token('h-x')] }], when)).toEqual([]);
  });

  it('reads codes as Prisma wrote them and claims each once, with its grant and user', async () => {
    const user = await db.user.create({ data: { id: 'u-code', email: 'code@example.com', passwordHash: 'x', emailVerified: true } });
    const grant = { id: 'g-code', clientId, userId: 'u-code', scope: 'openid', authTime: 1_780_000_000, acr: null, amr: 'pwd', nonce: null, sid: 's', resources: null, claims: '{"userinfo":{"email":null}}' };
    await db.grant.create({ data: grant });
    const code = {
      hash: 'c-1', grantId: 'g-code', clientId, userId: 'u-code', redirectUri: 'https://rp.example.com/cb', scope: 'openid', nonce: null,
      codeChallenge: 'x'.repeat(43), codeChallengeMethod: 'S256', dpopJkt: 'jkt', authTime: 1_780_000_000, expiresAt: at('2030-01-01T00:00:00.000Z'),
    };
    await db.authorizationCode.create({ data: code });
    expect(await hot.findCodes(['c-1'])).toEqual([{ ...code, consumedAt: null }]);
    const when = at('2026-12-03T12:00:00.000Z');
    const { passwordHash: _p, isAdmin: _a, totpSecret: _s, totpEnabledAt: _e, totpLastStep: _l, passwordExpiresAt: _x, passwordChangeRequired: _r, disabledAt: _d, createdAt: _c, ...claimsOfUser } = user;
    expect(await hot.claimCodes(['c-1', 'c-none'], when)).toEqual([
      { code: { ...code, consumedAt: when }, grant: { ...grant, revokedAt: null }, user: claimsOfUser },
    ]);
    expect(await hot.claimCodes(['c-1'], new Date())).toEqual([]);
    expect((await hot.findCodes(['c-1']))[0]?.consumedAt).toEqual(when);
  });

  it('reads a client and its secrets as Prisma does, and the counter moves with every client write', async () => {
    const viaPrisma = await db.client.findUnique({ where: { id: clientId }, include: { secrets: { select: { hash: true, expiresAt: true, revokedAt: true } } } });
    const viaHot = await hot.findClient(clientId);
    expect(toClientRecord(viaHot!)).toEqual(toClientRecord(viaPrisma!));
    expect(viaHot!.secrets).toEqual(viaPrisma!.secrets);
    expect(await hot.findClient('nobody')).toBeNull();

    const before = await hot.cacheVersion('clients');
    await db.client.update({ where: { id: clientId }, data: { disabled: true } });
    const afterUpdate = await hot.cacheVersion('clients');
    expect(afterUpdate).toBeGreaterThan(before);
    expect((await hot.findClient(clientId))?.disabled).toBe(true);
    await db.clientSecret.updateMany({ where: { clientId }, data: { revokedAt: new Date() } });
    const afterSecrets = await hot.cacheVersion('clients');
    expect(afterSecrets).toBeGreaterThan(afterUpdate);
    // Token lookups read the counter too, found or not.
    expect((await hot.findTokens(['no-such-token'])).clientsVersion).toBe(afterSecrets);
    expect((await hot.findTokensInContext(['no-such-token'])).clientsVersion).toBe(afterSecrets);
  });

  it('reads users and grants as Prisma does', async () => {
    const user = await db.user.create({
      data: { id: 'u-hot', email: 'hot@example.com', passwordHash: 'x', name: 'Hot', emailVerified: true, phoneNumber: '+1 555', address: null, locale: 'fr', givenName: 'Ho', familyName: 'T', birthdate: '1990-01-31', zoneinfo: 'Europe/Paris' },
    });
    const [read] = await hot.findUsers(['u-hot', 'u-none']);
    const { passwordHash: _p, isAdmin: _a, totpSecret: _s, totpEnabledAt: _e, totpLastStep: _l, passwordExpiresAt: _x, passwordChangeRequired: _r, disabledAt: _d, createdAt: _c, ...claimsOfUser } = user;
    expect(read).toEqual(claimsOfUser);
    const grant = { id: 'g-hot', clientId, userId: 'u-hot', scope: 'openid', authTime: 1_780_000_000, acr: null, amr: 'pwd otp', nonce: 'n', sid: 's', resources: 'https://api.example/ https://jobs.example/', claims: null };
    await db.grant.create({ data: { ...grant, revokedAt: at('2026-12-03T13:00:00.000Z') } });
    expect(await hot.findGrants(['g-hot'])).toEqual([{ ...grant, revokedAt: at('2026-12-03T13:00:00.000Z') }]);
  });

  it.runIf(kind === 'sqlite')('waits for an open Prisma transaction instead of joining it', async () => {
    let insert: Promise<void> | undefined;
    let settledInside = false;
    await expect(
      db.$transaction(async (tx) => {
        await tx.auditEvent.count();
        insert = hot.insertTokens([token('h-tx')]);
        void insert.then(() => (settledInside = true));
        await new Promise((r) => setTimeout(r, 30));
        expect(settledInside).toBe(false);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await insert;
    // Written after the rollback, so it survived it.
    expect(await db.token.findUnique({ where: { hash: 'h-tx' } })).not.toBeNull();
  });
});
