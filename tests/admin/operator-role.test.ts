/**
 * Every operator use case refuses whoever is not an operator — a developer, an administrator whose
 * account is disabled, an account that no longer exists — with ForbiddenError, before it reads or
 * writes anything: no audit record, no change. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as admin from '@/lib/admin/index.ts';
import type { Db } from '@/lib/db/client.ts';
import { createPrismaClient } from '@/lib/db/client.ts';
import { migrateDatabase } from '@/lib/db/migrate.ts';
import { keyStore } from '@/lib/db/stores/keys.ts';
import { KeyRing } from '@/lib/oidc/keys.ts';
import { ForbiddenError } from '@/lib/portal/errors.ts';
import type { Actor } from '@/lib/portal/types.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { makeActor, makeTeam, makeTeamClient } from '../support/portal.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe.each(DATABASES)('operator role check (%s)', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let target: { userId: string; email: string };
  let appId: string;
  let groupId: string;
  let ring: KeyRing;
  const outsiders: Record<string, Actor> = {};

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await migrateDatabase(database.url);
    db = await createPrismaClient(database.url);
    const operator = await makeActor(db, { admin: true });
    target = await makeActor(db);
    const team = await makeTeam(db, target);
    appId = (await makeTeamClient(db, target, team.id)).client.id;
    groupId = (await admin.createGroup(db, operator, { name: `Group ${kind}` })).id;
    outsiders.developer = await makeActor(db);
    const disabledAdmin = await makeActor(db, { admin: true });
    await db.user.update({ where: { id: disabledAdmin.userId }, data: { disabledAt: new Date() } });
    outsiders['disabled administrator'] = disabledAdmin;
    outsiders['deleted account'] = { userId: 'no-such-user' };
    ring = new KeyRing(keyStore(db), 'role-test-secret-0123456789abcdefghij', () => new Date());
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  const ttl = { idToken: 3600, maxAccessToken: 3600 };
  const USE_CASES: [string, (actor: Actor) => Promise<unknown>][] = [
    ['getOverview', (a) => admin.getOverview(db, a)],
    ['listUsers', (a) => admin.listUsers(db, a)],
    ['getUser', (a) => admin.getUser(db, a, target.userId)],
    ['setUserDisabled', (a) => admin.setUserDisabled(db, a, target.userId, true)],
    ['resetUserTwoFactor', (a) => admin.resetUserTwoFactor(db, a, target.userId)],
    ['endUserSessionsAsOperator', (a) => admin.endUserSessionsAsOperator(db, a, target.userId, 'all')],
    ['deleteUser', (a) => admin.deleteUser(db, a, target.userId)],
    ['listApps', (a) => admin.listApps(db, a)],
    ['getApp', (a) => admin.getApp(db, a, appId)],
    ['setAppVerified', (a) => admin.setAppVerified(db, a, appId, true)],
    ['setAppDisabled', (a) => admin.setAppDisabled(db, a, appId, true)],
    ['listApiResourcesAsOperator', (a) => admin.listApiResourcesAsOperator(db, a)],
    ['listGroups', (a) => admin.listGroups(db, a)],
    ['getGroup', (a) => admin.getGroup(db, a, groupId)],
    ['createGroup', (a) => admin.createGroup(db, a, { name: `Sneaky ${kind}` })],
    ['updateGroup', (a) => admin.updateGroup(db, a, groupId, { name: 'Renamed' })],
    ['deleteGroup', (a) => admin.deleteGroup(db, a, groupId)],
    ['addGroupMember', (a) => admin.addGroupMember(db, a, groupId, { userId: target.userId })],
    ['removeGroupMember', (a) => admin.removeGroupMember(db, a, groupId, target.userId)],
    ['getAppAccess', (a) => admin.getAppAccess(db, a, appId)],
    ['setAppAccessPolicy', (a) => admin.setAppAccessPolicy(db, a, appId, 'assigned')],
    ['assignAppAccess', (a) => admin.assignAppAccess(db, a, appId, { userId: target.userId })],
    ['unassignAppAccess', (a) => admin.unassignAppAccess(db, a, appId, { userId: target.userId })],
    ['listSigningKeys', (a) => admin.listSigningKeys(db, a)],
    ['rotateSigningKeys', (a) => admin.rotateSigningKeys(db, a, ring, ttl)],
    ['queryAuditLog', (a) => admin.queryAuditLog(db, a, {})],
    ['exportAuditLog', (a) => admin.exportAuditLog(db, a, {}, 'csv')],
    ['getConsoleSettings', (a) => admin.getConsoleSettings(db, a)],
    ['setSignUpPolicy', (a) => admin.setSignUpPolicy(db, a, 'closed')],
    ['setRegistrationPolicyAsOperator', (a) => admin.setRegistrationPolicyAsOperator(db, a, { mode: 'open' })],
    ['setBranding', (a) => admin.setBranding(db, a, { productName: 'Evil', logoUrl: null, primaryColor: '#000000' })],
    ['uploadBrandingLogo', (a) => admin.uploadBrandingLogo(db, a, PNG)],
  ];

  it('covers every use case the console exports', () => {
    const exported = Object.entries(admin).filter(([name, value]) => typeof value === 'function' && !['requireOperator', 'isOperator', 'keyState', 'keyRetentionSeconds', 'rotateSigningKeysFromCli'].includes(name));
    expect(USE_CASES.map(([name]) => name).sort()).toEqual(exported.map(([name]) => name).sort());
  });

  for (const who of ['developer', 'disabled administrator', 'deleted account']) {
    it.each(USE_CASES)(`%s refuses a ${who}, changing nothing`, async (_name, run) => {
      const before = await db.auditEvent.count();
      const keysBefore = await db.signingKey.count();
      const err = await run(outsiders[who]!).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(ForbiddenError);
      expect((err as Error).message).toMatch(/Only Portico operators/);
      expect(await db.auditEvent.count()).toBe(before);
      expect(await db.signingKey.count()).toBe(keysBefore);
    });
  }

  it('left the targets as they were', async () => {
    expect(await db.user.findUnique({ where: { id: target.userId }, select: { disabledAt: true } })).toEqual({ disabledAt: null });
    expect(await db.client.findUnique({ where: { id: appId }, select: { verified: true, disabled: true, accessPolicy: true } })).toEqual({ verified: false, disabled: false, accessPolicy: 'everyone' });
    expect(await db.group.count({ where: { id: groupId } })).toBe(1);
    expect(await db.setting.count()).toBe(0);
  });
});
