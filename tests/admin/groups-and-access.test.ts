/**
 * Groups and controlled access through the operator use cases, on a real migrated SQLite file and
 * a fresh PostgreSQL database: group CRUD and membership with their audit records, an app's policy
 * and assignments, and the one access decision (lib/oidc/app-access.ts) read through the real
 * store: everyone / assigned user / member of an assigned group / not assigned, and changes
 * applying at once (assignments) or within the cache window (policy).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addGroupMember, assignAppAccess, createGroup, deleteGroup, getAppAccess, getGroup, listGroups, removeGroupMember, setAppAccessPolicy, unassignAppAccess,
  updateGroup,
} from '@/lib/admin/index.ts';
import type { Db } from '@/lib/db/client.ts';
import { createPrismaClient } from '@/lib/db/client.ts';
import { migrateDatabase } from '@/lib/db/migrate.ts';
import { appAccessStore } from '@/lib/db/stores/app-access.ts';
import { appAccessDenied, mayUseApp, requireAppAccess, requireAppAccessOnRefresh } from '@/lib/oidc/app-access.ts';
import { OAuthError } from '@/lib/oidc/errors.ts';
import type { Stores } from '@/lib/oidc/ports.ts';
import { NotFoundError, ValidationError } from '@/lib/portal/errors.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { makeActor, makeTeam, makeTeamClient } from '../support/portal.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(DATABASES)('groups and controlled access (%s)', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let operator: { userId: string; email: string };
  let ada: { userId: string; email: string };
  let bob: { userId: string; email: string };
  let cyd: { userId: string; email: string };
  let appId: string;
  let n = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await migrateDatabase(database.url);
    db = await createPrismaClient(database.url);
    operator = await makeActor(db, { admin: true });
    [ada, bob, cyd] = [await makeActor(db), await makeActor(db), await makeActor(db)];
    const team = await makeTeam(db, ada);
    appId = (await makeTeamClient(db, ada, team.id)).client.id;
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  const lastAudit = async (action: string) => {
    const row = await db.auditEvent.findFirst({ where: { action }, orderBy: { createdAt: 'desc' } });
    return row ? { ...row, details: JSON.parse(row.details) as Record<string, unknown> } : null;
  };
  const groupName = (label: string) => `${label} ${kind} ${++n}`;
  /** The decision as the core reads it, through a store made now (no cached policy). */
  const decide = (userId: string, clientId = appId) => mayUseApp({ stores: { appAccess: appAccessStore(db) } as unknown as Stores }, { id: clientId }, userId);

  it('creates, renames, lists and deletes groups, each change audited with the operator', async () => {
    const name = groupName('Finance');
    const group = await createGroup(db, operator, { name, description: 'Books and ledgers' });
    expect(group).toMatchObject({ name, description: 'Books and ledgers', members: 0, apps: 0, memberList: [], appList: [] });
    expect(group.id).toMatch(/^grp_/);
    expect(await lastAudit('admin.group_created')).toMatchObject({ actorUserId: operator.userId, details: { groupId: group.id, name } });

    const renamed = await updateGroup(db, operator, group.id, { name: `${name} team`, description: '' });
    expect(renamed).toMatchObject({ name: `${name} team`, description: null });
    expect(await lastAudit('admin.group_updated')).toMatchObject({ actorUserId: operator.userId, details: { previousName: name } });

    expect((await listGroups(db, operator, { query: 'FINANCE' })).map((g) => g.id)).toContain(group.id);
    expect(await listGroups(db, operator, { query: 'no-such-group-anywhere' })).toEqual([]);

    await deleteGroup(db, operator, group.id);
    await expect(getGroup(db, operator, group.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await lastAudit('admin.group_deleted')).toMatchObject({ actorUserId: operator.userId, details: { groupId: group.id } });
  });

  it('refuses a taken name, an empty name and an unknown member, naming the field', async () => {
    const name = groupName('Ops');
    const group = await createGroup(db, operator, { name });
    const taken = await createGroup(db, operator, { name }).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(ValidationError);
    expect((taken as ValidationError).issues).toEqual([{ path: ['name'], message: expect.stringContaining('already exists') }]);
    await expect(createGroup(db, operator, { name: '  ' })).rejects.toBeInstanceOf(ValidationError);
    const unknown = await addGroupMember(db, operator, group.id, { email: 'nobody-here@example.com' }).catch((e: unknown) => e);
    expect((unknown as ValidationError).issues[0]).toMatchObject({ path: ['email'], message: expect.stringContaining('no account') });
    await expect(removeGroupMember(db, operator, group.id, ada.userId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('adds members by email or id (twice changes nothing) and removes them, audited', async () => {
    const group = await createGroup(db, operator, { name: groupName('Support') });
    await addGroupMember(db, operator, group.id, { email: ada.email.toUpperCase() });
    const twice = await addGroupMember(db, operator, group.id, { userId: ada.userId });
    expect(twice.memberList.map((m) => m.id)).toEqual([ada.userId]);
    expect(await db.auditEvent.count({ where: { action: 'admin.group_member_added', details: { contains: group.id } } })).toBe(1);
    const after = await removeGroupMember(db, operator, group.id, ada.userId);
    expect(after.members).toBe(0);
    expect(await lastAudit('admin.group_member_removed')).toMatchObject({ actorUserId: operator.userId, details: { userId: ada.userId, email: ada.email } });
  });

  it('decides access: everyone, then only assigned users and members of assigned groups', async () => {
    // Everyone (the default): any account.
    expect(await decide(cyd.userId)).toBe(true);

    const group = await createGroup(db, operator, { name: groupName('Pilots') });
    await addGroupMember(db, operator, group.id, { userId: bob.userId });
    await assignAppAccess(db, operator, appId, { email: ada.email });
    await assignAppAccess(db, operator, appId, { groupId: group.id });
    expect(await decide(cyd.userId)).toBe(true); // assignments alone change nothing while everyone may sign in

    const limited = await setAppAccessPolicy(db, operator, appId, 'assigned');
    expect(limited.policy).toBe('assigned');
    expect(limited.users.map((u) => u.id)).toEqual([ada.userId]);
    expect(limited.groups).toEqual([{ id: group.id, name: group.name, members: 1, assignedAt: expect.any(Date) }]);
    const audit = await lastAudit('admin.app_access_policy');
    expect(audit).toMatchObject({ actorUserId: operator.userId, clientId: appId, teamId: expect.any(String), details: { policy: 'assigned' } });

    expect(await decide(ada.userId)).toBe(true); // assigned directly
    expect(await decide(bob.userId)).toBe(true); // through the group
    expect(await decide(cyd.userId)).toBe(false); // not assigned

    // Removing applies to the very next decision: assignments are never cached.
    await removeGroupMember(db, operator, group.id, bob.userId);
    expect(await decide(bob.userId)).toBe(false);
    await unassignAppAccess(db, operator, appId, { userId: ada.userId });
    expect(await decide(ada.userId)).toBe(false);
    expect(await lastAudit('admin.app_unassigned')).toMatchObject({ clientId: appId, details: { userId: ada.userId } });

    // A group deleted takes its assignment with it.
    await addGroupMember(db, operator, group.id, { userId: cyd.userId });
    expect(await decide(cyd.userId)).toBe(true);
    await deleteGroup(db, operator, group.id);
    expect(await decide(cyd.userId)).toBe(false);
    expect((await getAppAccess(db, operator, appId)).groups).toEqual([]);

    await setAppAccessPolicy(db, operator, appId, 'everyone');
    expect(await decide(cyd.userId)).toBe(true);
  });

  it('applies a policy change to a running store within the cache window', async () => {
    const store = appAccessStore(db);
    const core = { stores: { appAccess: store } as unknown as Stores };
    expect(await mayUseApp(core, { id: appId }, cyd.userId)).toBe(true);
    await setAppAccessPolicy(db, operator, appId, 'assigned');
    await sleep(400);
    expect(await mayUseApp(core, { id: appId }, cyd.userId)).toBe(false);
    await setAppAccessPolicy(db, operator, appId, 'everyone');
    // Read again with the query itself: an app opened to everyone is never refused, cached or not.
    expect(await mayUseApp(core, { id: appId }, cyd.userId)).toBe(true);
  });

  it('refuses at sign-in with a redirectable access_denied, and on refresh with invalid_grant', async () => {
    await setAppAccessPolicy(db, operator, appId, 'assigned');
    const core = { stores: { appAccess: appAccessStore(db) } as unknown as Stores };
    const client = { id: appId, name: 'Web App' };
    const denied = await requireAppAccess(core, client, cyd.userId).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(OAuthError);
    expect(denied).toMatchObject({ code: 'access_denied', redirectable: true, status: 400 });
    expect((denied as OAuthError).description).toContain('Web App');
    expect(appAccessDenied(client).description).toMatch(/Ask the administrator/);
    const refresh = await requireAppAccessOnRefresh(core, client, cyd.userId).catch((e: unknown) => e);
    expect(refresh).toMatchObject({ code: 'invalid_grant' });
    // client_credentials tokens have no user: nothing to decide.
    await expect(requireAppAccessOnRefresh(core, client, null)).resolves.toBeUndefined();
    await assignAppAccess(db, operator, appId, { userId: cyd.userId });
    await expect(requireAppAccess(core, client, cyd.userId)).resolves.toBeUndefined();
    await setAppAccessPolicy(db, operator, appId, 'everyone');
  });

  it('answers not found for unknown apps, groups and assignments', async () => {
    await expect(getAppAccess(db, operator, 'no-such-app')).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignAppAccess(db, operator, appId, { groupId: 'grp_missing' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(unassignAppAccess(db, operator, appId, { groupId: 'grp_missing' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignAppAccess(db, operator, appId, { userId: 'x'.repeat(300) })).rejects.toBeInstanceOf(ValidationError);
    await expect(setAppAccessPolicy(db, operator, appId, 'nobody' as 'everyone')).rejects.toBeInstanceOf(ValidationError);
  });
});
