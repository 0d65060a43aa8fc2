/**
 * The REST API for API resources (/api/v1/resources/**, /api/v1/clients/{client_id}/api-access)
 * on SQLite and PostgreSQL: the resources:read / resources:write scopes, every endpoint, errors
 * naming wire fields, team isolation (404), roles (403), and the approval flow between two teams.
 * The router runs in process (lib/api/router.ts, exactly what app/api/v1/[...path]/route.ts
 * serves), as in scope-descriptions.test.ts, so the test needs no production build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '@/lib/api/router.ts';
import type { Db } from '@/lib/db/client.ts';
import { migrateDatabase } from '@/lib/db/migrate.ts';
import { acceptInvitation, createPersonalAccessToken, createTeam, inviteMember, type PatScope } from '@/lib/portal/index.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { makeVerifiedUser, openDb } from '../support/fixtures.ts';

const ISSUER = 'http://localhost:3999';
const ALL: PatScope[] = ['clients:read', 'clients:write', 'resources:read', 'resources:write'];

describe.each(DATABASES)('REST API for API resources on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let api: ReturnType<typeof createApi>;
  const tokens = {} as Record<'ada' | 'bob' | 'viewer' | 'clientsOnly' | 'resourcesRead', string>;
  let sharedTeamId: string;
  let n = 0;
  const uri = (label: string) => `https://${label}-${kind}-${++n}.example.com`;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await migrateDatabase(database.url);
    db = await openDb(database.url);
    api = createApi({ db, clock: () => new Date(), issuer: ISSUER });
    const pat = async (userId: string, scopes: PatScope[] = ALL) => (await createPersonalAccessToken(db, { userId }, { name: 'test', scopes, expiresInDays: 1 })).secret;
    const ada = await makeVerifiedUser(db, `ada-${kind}@example.com`);
    const bob = await makeVerifiedUser(db, `bob-${kind}@example.com`);
    const vic = await makeVerifiedUser(db, `vic-${kind}@example.com`);
    tokens.ada = await pat(ada.id);
    tokens.bob = await pat(bob.id);
    tokens.viewer = await pat(vic.id);
    tokens.clientsOnly = await pat(ada.id, ['clients:read', 'clients:write']);
    tokens.resourcesRead = await pat(ada.id, ['resources:read']);
    sharedTeamId = (await createTeam(db, { userId: ada.id }, { name: 'Ledger Team' })).id;
    const { path } = await inviteMember(db, { userId: ada.id }, sharedTeamId, { email: vic.email, role: 'viewer' });
    await acceptInvitation(db, { userId: vic.id }, path.split('/').pop()!);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  async function call(method: string, path: string, opts: { token?: string | null; body?: unknown } = {}) {
    const token = opts.token === undefined ? tokens.ada : opts.token;
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await api(new Request(`${ISSUER}/api/v1${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) }));
    return { status: res.status, headers: res.headers, body: res.body ? JSON.parse(res.body) : null };
  }
  const expectError = (res: Awaited<ReturnType<typeof call>>, status: number, error: string, description?: RegExp) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body).toEqual({ error, error_description: description ? expect.stringMatching(description) : expect.any(String) });
    expect(res.headers['cache-control']).toContain('no-store');
  };
  const created = async (path: string, body: object, token = tokens.ada) => {
    const res = await call('POST', path, { token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const newApp = (token: string, teamId?: string) =>
    created('/clients', { client_name: 'Bob Billing', grant_types: ['client_credentials'], ...(teamId ? { team_id: teamId } : {}) }, token);

  it('needs resources:read to read and resources:write to write; /api-access uses the clients scopes', async () => {
    const denied = await call('GET', '/resources', { token: tokens.clientsOnly });
    expectError(denied, 403, 'insufficient_scope', /resources:read/);
    expect(denied.headers['www-authenticate']).toBe('Bearer realm="portico-api", error="insufficient_scope", scope="resources:read"');
    expectError(await call('POST', '/resources', { token: tokens.resourcesRead, body: { identifier: uri('x'), name: 'X' } }), 403, 'insufficient_scope', /resources:write/);
    expect((await call('GET', '/resources', { token: tokens.resourcesRead })).status).toBe(200);
    expectError(await call('GET', '/resources', { token: null }), 401, 'invalid_token');
    const app = await newApp(tokens.clientsOnly);
    expect((await call('GET', `/clients/${app.client_id}/api-access`, { token: tokens.clientsOnly })).body).toEqual({ api_access: [] });
    expectError(await call('GET', `/clients/${app.client_id}/api-access`, { token: tokens.resourcesRead }), 403, 'insufficient_scope', /clients:read/);
  });

  it('creates an API in the personal team by default, or the team named; lists and reads it', async () => {
    const identifier = uri('notes');
    const personal = await created('/resources', { identifier, name: 'Notes API', access_token_ttl: 900 });
    expect(personal).toEqual({
      id: expect.stringMatching(/^api_/), identifier, name: 'Notes API', description: null, token_format: 'jwt', access_token_ttl: 900, open_access: false,
      team_id: expect.any(String), team_name: `ada-${kind}'s apps`, role: 'owner', scope_count: 0, created_at: expect.any(Number), updated_at: expect.any(Number),
      scopes: [], servers: [],
    });
    const shared = await created('/resources', { team_id: sharedTeamId, identifier: uri('ledger'), name: 'Ledger', token_format: 'opaque', description: 'Books' });
    expect(shared).toMatchObject({ team_id: sharedTeamId, token_format: 'opaque', description: 'Books' });

    const all = await call('GET', '/resources');
    expect(all.body.resources.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([personal.id, shared.id]));
    expect(all.body.resources[0]).not.toHaveProperty('scopes');
    expect((await call('GET', `/resources?team_id=${sharedTeamId}`)).body.resources.map((r: { id: string }) => r.id)).toEqual([shared.id]);
    expect((await call('GET', `/resources/${shared.id}`, { token: tokens.viewer })).body).toMatchObject({ id: shared.id, role: 'viewer' });
    expectError(await call('GET', `/resources/${shared.id}`, { token: tokens.bob }), 404, 'not_found');
    expectError(await call('GET', '/resources/api_nothing'), 404, 'not_found');
  });

  it('answers bad bodies with 400 invalid_request naming the wire fields', async () => {
    expectError(await call('POST', '/resources', { body: { identifier: 'http://api.example.com', name: '' } }), 400, 'invalid_request', /^identifier: .*https.*; name: /);
    expectError(await call('POST', '/resources', { body: { identifier: 'https://api.example.com/#x', name: 'X' } }), 400, 'invalid_request', /identifier: .*fragment/);
    expectError(await call('POST', '/resources', { body: { identifier: uri('t'), name: 'T', access_token_ttl: 10 } }), 400, 'invalid_request', /^access_token_ttl: /);
    const taken = await created('/resources', { identifier: uri('taken'), name: 'Taken' });
    expectError(await call('POST', '/resources', { token: tokens.bob, body: { identifier: taken.identifier, name: 'Mine' } }), 400, 'invalid_request', /^identifier: .*already registered/);
    expectError(await call('PATCH', `/resources/${taken.id}`, { body: { identifier: uri('moved') } }), 400, 'invalid_request', /^identifier: .*cannot change/);
    expectError(await call('POST', '/resources', { body: { identifier: uri('team'), name: 'T', team_id: 'not-my-team' } }), 404, 'not_found');
    expectError(await call('POST', '/resources', { body: { identifier: uri('v'), name: 'V', team_id: sharedTeamId }, token: tokens.viewer }), 403, 'forbidden');
  });

  it('edits, and lets only owners delete', async () => {
    const res = await created('/resources', { team_id: sharedTeamId, identifier: uri('edit'), name: 'Before' });
    const patched = await call('PATCH', `/resources/${res.id}`, { body: { name: 'After', token_format: 'opaque', access_token_ttl: 120, description: '' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'After', token_format: 'opaque', access_token_ttl: 120, description: null, identifier: res.identifier });
    expectError(await call('PATCH', `/resources/${res.id}`, { token: tokens.viewer, body: { name: 'Viewer' } }), 403, 'forbidden');
    expectError(await call('DELETE', `/resources/${res.id}`, { token: tokens.viewer }), 403, 'forbidden');
    expectError(await call('DELETE', `/resources/${res.id}`, { token: tokens.bob }), 404, 'not_found');
    expect((await call('DELETE', `/resources/${res.id}`)).status).toBe(204);
    expectError(await call('GET', `/resources/${res.id}`), 404, 'not_found');
  });

  it('adds, rewords and removes scopes; a name another API defines is refused without naming it', async () => {
    const res = await created('/resources', { identifier: uri('scopes'), name: 'Scoped' });
    const slash = `files/read-${kind}`;
    expect(await created(`/resources/${res.id}/scopes`, { name: slash, description: 'Read files' })).toEqual({ name: slash, description: 'Read files', created_at: expect.any(Number) });
    const path = `/resources/${res.id}/scopes/${encodeURIComponent(slash)}`;
    expect((await call('PATCH', path, { body: { description: 'Read your files' } })).body).toMatchObject({ description: 'Read your files' });
    expect((await call('GET', `/resources/${res.id}`)).body.scopes).toEqual([{ name: slash, description: 'Read your files', created_at: expect.any(Number) }]);

    const bobs = await created('/resources', { identifier: uri('bob'), name: 'Bob’s Secret API' }, tokens.bob);
    const clash = await call('POST', `/resources/${bobs.id}/scopes`, { token: tokens.bob, body: { name: slash, description: 'Mine' } });
    expectError(clash, 400, 'invalid_request', /^name: .*already defined by another API/);
    expect(clash.body.error_description).not.toContain('Scoped');
    expectError(await call('POST', `/resources/${res.id}/scopes`, { body: { name: 'openid', description: 'x' } }), 400, 'invalid_request', /^name: .*standard/);
    expectError(await call('PATCH', `/resources/${bobs.id}/scopes/${encodeURIComponent(slash)}`, { token: tokens.bob, body: { description: 'x' } }), 404, 'not_found');

    expect((await call('DELETE', path)).status).toBe(204);
    expectError(await call('DELETE', path), 404, 'not_found');
  });

  it('runs the approval flow between two teams: ask, approve a subset, reject, ask again', async () => {
    const res = await created('/resources', { team_id: sharedTeamId, identifier: uri('invoices'), name: 'Invoices' });
    const [read, write] = [`invoices:read-${kind}`, `invoices:write-${kind}`];
    await created(`/resources/${res.id}/scopes`, { name: read, description: 'Read invoices' });
    await created(`/resources/${res.id}/scopes`, { name: write, description: 'Send invoices' });
    const app = await newApp(tokens.bob);

    expectError(await call('POST', `/clients/${app.client_id}/api-access`, { token: tokens.bob, body: { scope: read } }), 400, 'invalid_request', /^resource: /);
    expectError(await call('POST', `/clients/${app.client_id}/api-access`, { token: tokens.bob, body: { resource: res.identifier, scope: `${read} admin` } }), 400, 'invalid_request', /^scope: .*"admin"/);
    expectError(await call('POST', `/clients/${app.client_id}/api-access`, { body: { resource: res.identifier, scope: read } }), 404, 'not_found');
    const asked = await call('POST', `/clients/${app.client_id}/api-access`, { token: tokens.bob, body: { resource: res.identifier, scope: `${read} ${write}` } });
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({
      resource_id: res.id, resource: res.identifier, resource_name: 'Invoices', owner_name: 'Ledger Team', status: 'pending',
      requested_scope: `${read} ${write}`, approved_scope: '', requested_at: expect.any(Number), decided_at: null,
    });

    const list = await call('GET', `/resources/${res.id}/access`, { token: tokens.viewer });
    expect(list.body.access_requests).toEqual([expect.objectContaining({ client_id: app.client_id, client_name: 'Bob Billing', team_name: `bob-${kind}'s apps`, status: 'pending' })]);

    const decide = (body: object, token = tokens.ada) => call('POST', `/resources/${res.id}/access/${app.client_id}`, { token, body });
    expectError(await decide({ decision: 'approve', scope: read }, tokens.viewer), 403, 'forbidden');
    expectError(await decide({ decision: 'approve', scope: read }, tokens.bob), 404, 'not_found');
    expectError(await decide({ decision: 'approve' }), 400, 'invalid_request', /^scope: /);
    expectError(await decide({ decision: 'maybe' }), 400, 'invalid_request', /^decision: /);
    const approved = await decide({ decision: 'approve', scope: [read] });
    expect(approved.body).toMatchObject({ status: 'approved', requested_scope: `${read} ${write}`, approved_scope: read, decided_at: expect.any(Number) });
    expect((await call('GET', `/clients/${app.client_id}/api-access`, { token: tokens.bob })).body.api_access).toEqual([
      expect.objectContaining({ resource_id: res.id, status: 'approved', approved_scope: read }),
    ]);
    expect((await decide({ decision: 'reject' })).body).toMatchObject({ status: 'rejected', approved_scope: '' });
    const again = await call('POST', `/clients/${app.client_id}/api-access`, { token: tokens.bob, body: { resource_id: res.id, scope: [write] } });
    expect(again.body).toMatchObject({ status: 'pending', requested_scope: write });
  });

  it('sets resource servers from the API’s own team only', async () => {
    const res = await created('/resources', { team_id: sharedTeamId, identifier: uri('servers'), name: 'Served' });
    const own = await newApp(tokens.ada, sharedTeamId);
    const theirs = await newApp(tokens.bob);
    const put = (client_ids: unknown) => call('PUT', `/resources/${res.id}/servers`, { body: { client_ids } });
    expectError(await put([own.client_id, theirs.client_id]), 400, 'invalid_request', /^client_ids\[1\]: .*not an app of Ledger Team/);
    expectError(await put('nope'), 400, 'invalid_request', /^client_ids: /);
    const ok = await put([own.client_id]);
    expect(ok.body).toEqual({ servers: [{ client_id: own.client_id, client_name: 'Bob Billing' }] });
    expect((await call('GET', `/resources/${res.id}`)).body.servers).toEqual([{ client_id: own.client_id, client_name: 'Bob Billing' }]);
    const wrongMethod = await call('GET', `/resources/${res.id}/servers`);
    expectError(wrongMethod, 405, 'method_not_allowed');
    expect(wrongMethod.headers.allow).toBe('PUT');
  });

  it('describes every endpoint in the OpenAPI document', async () => {
    const res = await api(new Request(`${ISSUER}/api/v1/openapi.json`));
    const doc = JSON.parse(res.body!);
    for (const path of ['/api/v1/resources', '/api/v1/resources/{id}', '/api/v1/resources/{id}/scopes', '/api/v1/resources/{id}/scopes/{name}',
      '/api/v1/resources/{id}/access', '/api/v1/resources/{id}/access/{client_id}', '/api/v1/resources/{id}/servers', '/api/v1/clients/{client_id}/api-access']) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(doc.paths['/api/v1/resources/{id}/servers'].put.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ResourceServers' });
    expect(doc.components.schemas.ApiResourceCreation.required).toEqual(expect.arrayContaining(['identifier', 'name']));
  });
});
