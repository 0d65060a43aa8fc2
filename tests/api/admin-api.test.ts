/**
 * The operators' REST endpoints (/api/v1/groups/**, /api/v1/clients/{client_id}/access/**) on
 * SQLite and PostgreSQL, with the router in process (lib/api/router.ts, what the route files
 * serve): the admin:read / admin:write scopes, only operators (a developer's token gets 403, and
 * cannot be given admin scopes), every endpoint with its JSON, errors naming wire fields, 404s,
 * and the OpenAPI document listing them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '@/lib/api/router.ts';
import type { Db } from '@/lib/db/client.ts';
import { migrateDatabase } from '@/lib/db/migrate.ts';
import { appAccessStore } from '@/lib/db/stores/app-access.ts';
import { createPersonalAccessToken, createTeam, createTeamClient, type PatScope } from '@/lib/portal/index.ts';
import { ValidationError } from '@/lib/portal/errors.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { makeVerifiedUser, openDb } from '../support/fixtures.ts';

const ISSUER = 'http://localhost:3999';

describe.each(DATABASES)('REST API for operators on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let api: ReturnType<typeof createApi>;
  const tokens = {} as Record<'operator' | 'readOnly' | 'developer' | 'clientsOnly', string>;
  let developerId: string;
  let member: { id: string; email: string };
  let appId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await migrateDatabase(database.url);
    db = await openDb(database.url);
    api = createApi({ db, clock: () => new Date(), issuer: ISSUER });
    const pat = async (userId: string, scopes: PatScope[]) => (await createPersonalAccessToken(db, { userId }, { name: 'test', scopes, expiresInDays: 1 })).secret;
    const operator = await makeVerifiedUser(db, `operator-${kind}@example.com`);
    await db.user.update({ where: { id: operator.id }, data: { isAdmin: true } });
    const developer = await makeVerifiedUser(db, `developer-${kind}@example.com`);
    developerId = developer.id;
    member = await makeVerifiedUser(db, `member-${kind}@example.com`);
    tokens.operator = await pat(operator.id, ['admin:read', 'admin:write']);
    tokens.readOnly = await pat(operator.id, ['admin:read']);
    tokens.clientsOnly = await pat(operator.id, ['clients:read', 'clients:write']);
    // A token minted with admin scopes while its user was an operator: the role is checked per request.
    await db.user.update({ where: { id: developer.id }, data: { isAdmin: true } });
    tokens.developer = await pat(developer.id, ['admin:read', 'admin:write']);
    await db.user.update({ where: { id: developer.id }, data: { isAdmin: false } });
    const team = await createTeam(db, { userId: developer.id }, { name: 'Apps' });
    appId = (await createTeamClient(db, { userId: developer.id }, team.id, { name: 'Beacon', type: 'web', redirectUris: ['https://beacon.example.com/cb'] })).client.id;
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  async function call(method: string, path: string, opts: { token?: string | null; body?: unknown } = {}) {
    const token = opts.token === undefined ? tokens.operator : opts.token;
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await api(new Request(`${ISSUER}/api/v1${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) }));
    return { status: res.status, headers: res.headers, body: res.body ? JSON.parse(res.body) : null };
  }
  const expectError = (res: Awaited<ReturnType<typeof call>>, status: number, error: string, description?: RegExp) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body).toEqual({ error, error_description: description ? expect.stringMatching(description) : expect.any(String) });
  };

  it('needs admin:read to read and admin:write to write, and an operator behind the token', async () => {
    const noScope = await call('GET', '/groups', { token: tokens.clientsOnly });
    expectError(noScope, 403, 'insufficient_scope', /admin:read/);
    expect(noScope.headers['www-authenticate']).toBe('Bearer realm="portico-api", error="insufficient_scope", scope="admin:read"');
    expectError(await call('POST', '/groups', { token: tokens.readOnly, body: { name: 'X' } }), 403, 'insufficient_scope', /admin:write/);
    expect((await call('GET', '/groups', { token: tokens.readOnly })).status).toBe(200);
    expectError(await call('GET', '/groups', { token: null }), 401, 'invalid_token');
    expectError(await call('GET', '/groups', { token: tokens.developer }), 403, 'forbidden', /Only Portico operators/);
    expectError(await call('GET', `/clients/${appId}/access`, { token: tokens.developer }), 403, 'forbidden');
  });

  it('refuses admin scopes on a token a developer creates', async () => {
    const err = await createPersonalAccessToken(db, { userId: developerId }, { name: 'sneaky', scopes: ['admin:write'], expiresInDays: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues).toEqual([{ path: ['scopes'], message: expect.stringContaining('Only operators') }]);
  });

  it('creates, reads, renames and deletes a group, and manages its members', async () => {
    const created = await call('POST', '/groups', { body: { name: 'Finance', description: 'Books' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^grp_/), name: 'Finance', description: 'Books', member_count: 0, app_count: 0, created_at: expect.any(Number), members: [], apps: [],
    });
    const id = created.body.id as string;
    expectError(await call('POST', '/groups', { body: { name: 'Finance' } }), 400, 'invalid_request', /^name: A group named "Finance" already exists/);
    expectError(await call('POST', '/groups', { body: { name: '' } }), 400, 'invalid_request', /^name: /);

    const added = await call('POST', `/groups/${id}/members`, { body: { email: member.email } });
    expect(added.body.members).toEqual([{ user_id: member.id, email: member.email, name: expect.any(String), added_at: expect.any(Number) }]);
    expect((await call('POST', `/groups/${id}/members`, { body: { user_id: member.id } })).body.member_count).toBe(1);
    expectError(await call('POST', `/groups/${id}/members`, { body: {} }), 400, 'invalid_request', /user_id: Give either user_id or email/);
    expectError(await call('POST', `/groups/${id}/members`, { body: { email: 'ghost@example.com' } }), 400, 'invalid_request', /^email: There is no account/);
    expectError(await call('POST', `/groups/${id}/members`, { body: { user_id: 'no-such-user' } }), 404, 'not_found');

    expect((await call('GET', '/groups')).body.groups).toEqual([expect.objectContaining({ id, name: 'Finance', member_count: 1 })]);
    expect((await call('GET', '/groups?q=nothing')).body.groups).toEqual([]);
    expect((await call('PATCH', `/groups/${id}`, { body: { name: 'Finance EU' } })).body).toMatchObject({ name: 'Finance EU', description: 'Books' });
    expect((await call('DELETE', `/groups/${id}/members/${member.id}`)).body.member_count).toBe(0);
    expectError(await call('DELETE', `/groups/${id}/members/${member.id}`), 404, 'not_found');

    const removed = await call('DELETE', `/groups/${id}`);
    expect(removed.status).toBe(204);
    expectError(await call('GET', `/groups/${id}`), 404, 'not_found');
    expectError(await call('PUT', '/groups'), 405, 'method_not_allowed');
  });

  it('sets an app’s access policy and its user and group assignments; the core decides by them', async () => {
    const group = (await call('POST', '/groups', { body: { name: 'Pilots' } })).body as { id: string };
    await call('POST', `/groups/${group.id}/members`, { body: { user_id: member.id } });

    expect((await call('GET', `/clients/${appId}/access`)).body).toEqual({ client_id: appId, client_name: 'Beacon', policy: 'everyone', users: [], groups: [] });
    const limited = await call('PUT', `/clients/${appId}/access`, { body: { policy: 'assigned' } });
    expect(limited.body.policy).toBe('assigned');
    expectError(await call('PUT', `/clients/${appId}/access`, { body: { policy: 'nobody' } }), 400, 'invalid_request', /^policy: /);
    expect(await appAccessStore(db).allows(appId, member.id)).toBe(false);

    const withGroup = await call('POST', `/clients/${appId}/access/groups`, { body: { group_id: group.id } });
    expect(withGroup.body.groups).toEqual([{ group_id: group.id, name: 'Pilots', member_count: 1, assigned_at: expect.any(Number) }]);
    expect(await appAccessStore(db).allows(appId, member.id)).toBe(true);
    expect(await appAccessStore(db).allows(appId, developerId)).toBe(false);

    const withUser = await call('POST', `/clients/${appId}/access/users`, { body: { email: `developer-${kind}@example.com` } });
    expect(withUser.body.users).toEqual([{ user_id: developerId, email: `developer-${kind}@example.com`, name: expect.any(String), assigned_at: expect.any(Number) }]);
    expect(await appAccessStore(db).allows(appId, developerId)).toBe(true);

    expect((await call('DELETE', `/clients/${appId}/access/users/${developerId}`)).body.users).toEqual([]);
    expect((await call('DELETE', `/clients/${appId}/access/groups/${group.id}`)).body.groups).toEqual([]);
    expect(await appAccessStore(db).allows(appId, member.id)).toBe(false);
    expectError(await call('DELETE', `/clients/${appId}/access/groups/${group.id}`), 404, 'not_found');
    expectError(await call('POST', `/clients/${appId}/access/groups`, { body: {} }), 400, 'invalid_request', /group_id/);
    expectError(await call('GET', '/clients/no-such-app/access'), 404, 'not_found');
    expect((await call('PUT', `/clients/${appId}/access`, { body: { policy: 'everyone' } })).body.policy).toBe('everyone');
    expect(await db.auditEvent.count({ where: { clientId: appId, action: { startsWith: 'admin.app_' } } })).toBe(6);
  });

  it('lists the endpoints in the OpenAPI document', async () => {
    const doc = (await call('GET', '/openapi.json', { token: null })).body;
    for (const path of ['/api/v1/groups', '/api/v1/groups/{group_id}', '/api/v1/groups/{group_id}/members', '/api/v1/groups/{group_id}/members/{user_id}',
      '/api/v1/clients/{client_id}/access', '/api/v1/clients/{client_id}/access/users', '/api/v1/clients/{client_id}/access/users/{user_id}',
      '/api/v1/clients/{client_id}/access/groups', '/api/v1/clients/{client_id}/access/groups/{group_id}']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/v1/clients/{client_id}/access'].put.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/AccessPolicy' });
    expect(doc.components.schemas.Group.properties).toHaveProperty('member_count');
    expect(doc.components.schemas.AccessPolicy.properties.policy.enum).toEqual(['everyone', 'assigned']);
  });
});
