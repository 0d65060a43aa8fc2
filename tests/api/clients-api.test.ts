/**
 * The REST API (/api/v1) against the real server on SQLite and PostgreSQL: personal access token
 * authentication, every endpoint, validation errors with RFC 7591 codes, team isolation (404),
 * roles (403), and the effects at the protocol endpoints: a new secret works at /oauth/token,
 * rotation grace, and deleted apps' tokens inactive at /oauth/introspect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client.ts';
import { acceptInvitation, createPersonalAccessToken, createTeam, inviteMember } from '@/lib/portal/index.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { makeVerifiedUser, openDb } from '../support/fixtures.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { apiClient, basic, type ApiResult } from './api-client.ts';

const RW = ['clients:read', 'clients:write'] as const;
const WEB = { client_name: 'Web', redirect_uris: ['https://app.example.com/cb'] };
const SERVICE = { client_name: 'Worker', grant_types: ['client_credentials'] };

describe.each(DATABASES)('REST API on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let db: Db;
  let call: ReturnType<typeof apiClient>;
  const tokens = {} as Record<'ada' | 'bob' | 'viewer' | 'readOnly' | 'writeOnly', string>;
  let sharedTeamId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startServer(database);
    db = await openDb(database.url);
    call = apiClient(server.issuer);
    const pat = async (userId: string, scopes: ('clients:read' | 'clients:write')[] = [...RW]) =>
      (await createPersonalAccessToken(db, { userId }, { name: 'test', scopes, expiresInDays: 1 })).secret;
    const ada = await makeVerifiedUser(db, `ada-${kind}@example.com`);
    const bob = await makeVerifiedUser(db, `bob-${kind}@example.com`);
    const vic = await makeVerifiedUser(db, `vic-${kind}@example.com`);
    tokens.ada = await pat(ada.id);
    tokens.bob = await pat(bob.id);
    tokens.viewer = await pat(vic.id);
    tokens.readOnly = await pat(ada.id, ['clients:read']);
    tokens.writeOnly = await pat(ada.id, ['clients:write']);
    sharedTeamId = (await createTeam(db, { userId: ada.id }, { name: 'Shared' })).id;
    const { path } = await inviteMember(db, { userId: ada.id }, sharedTeamId, { email: vic.email, role: 'viewer' });
    await acceptInvitation(db, { userId: vic.id }, path.split('/').pop()!);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
    await database?.drop();
  });

  const create = async (body: object, token = tokens.ada) => {
    const res = await call('POST', '/api/v1/clients', { token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const clientCredentials = (id: string, secret: string) =>
    fetch(`${server.issuer}/oauth/token`, {
      method: 'POST',
      headers: { authorization: basic(id, secret), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
  const expectError = (res: ApiResult, status: number, error: string, description?: RegExp) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body).toEqual({ error, error_description: description ? expect.stringMatching(description) : expect.any(String) });
    expect(res.headers.get('cache-control')).toContain('no-store');
  };

  describe('authentication (RFC 6750)', () => {
    it('asks for a token when none is sent', async () => {
      const res = await call('GET', '/api/v1/clients');
      expectError(res, 401, 'invalid_token');
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="portico-api"');
    });

    it('refuses malformed, unknown, expired and revoked tokens alike', async () => {
      const owner = { userId: (await makeVerifiedUser(db, `exp-${kind}@example.com`)).id };
      const { secret: expired, token: e } = await createPersonalAccessToken(db, owner, { name: 'e', scopes: [...RW], expiresInDays: 1 });
      await db.personalAccessToken.update({ where: { id: e.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      const { secret: revoked, token: r } = await createPersonalAccessToken(db, owner, { name: 'r', scopes: [...RW], expiresInDays: 1 });
      await db.personalAccessToken.update({ where: { id: r.id }, data: { revokedAt: new Date() } });
      for (const token of ['pat_unknown', 'not a token', expired, revoked]) {
        const res = await call('GET', '/api/v1/clients', { token });
        expectError(res, 401, 'invalid_token');
        expect(res.headers.get('www-authenticate')).toBe('Bearer realm="portico-api", error="invalid_token"');
      }
      const basicAuth = await fetch(`${server.issuer}/api/v1/clients`, { headers: { authorization: basic('x', 'y') } });
      expect(basicAuth.status).toBe(401);
    });

    it('needs clients:read to read and clients:write to write', async () => {
      const write = await call('POST', '/api/v1/clients', { token: tokens.readOnly, body: WEB });
      expectError(write, 403, 'insufficient_scope', /clients:write/);
      expect(write.headers.get('www-authenticate')).toBe('Bearer realm="portico-api", error="insufficient_scope", scope="clients:write"');
      expectError(await call('GET', '/api/v1/clients', { token: tokens.writeOnly }), 403, 'insufficient_scope', /clients:read/);
      expect((await call('GET', '/api/v1/clients', { token: tokens.readOnly })).status).toBe(200);
    });

    it('records when a token was last used', async () => {
      await call('GET', '/api/v1/clients', { token: tokens.readOnly });
      const rows = await db.personalAccessToken.findMany({ where: { scopes: 'clients:read' } });
      expect(rows.some((r) => r.lastUsedAt)).toBe(true);
    });
  });

  describe('apps', () => {
    it('creates in the personal team by default and returns the secret once', async () => {
      const created = await create({ ...WEB, logo_uri: 'https://app.example.com/logo.png', description: 'Our site' });
      expect(created).toMatchObject({
        client_id: expect.any(String), client_secret: expect.stringMatching(/^cs_/), client_secret_expires_at: 0, created_at: expect.any(Number),
        client_name: 'Web', portico_app_type: 'web', application_type: 'web', token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], logo_uri: 'https://app.example.com/logo.png',
        description: 'Our site', refresh_token_rotation: true, disabled: false,
      });
      const team = await db.team.findUniqueOrThrow({ where: { id: created.team_id } });
      expect(team.name).toBe(`ada-${kind}'s apps`);
      const read = await call('GET', `/api/v1/clients/${created.client_id}`, { token: tokens.ada });
      expect(read.status).toBe(200);
      expect(read.body).not.toHaveProperty('client_secret');
      expect(read.body.secrets).toEqual([expect.objectContaining({ last4: created.client_secret.slice(-4), status: 'active', expires_at: null })]);
      const list = await call('GET', '/api/v1/clients', { token: tokens.ada });
      expect(list.body.clients.map((c: { client_id: string }) => c.client_id)).toContain(created.client_id);
      expect(JSON.stringify(list.body)).not.toContain(created.client_secret);
    });

    it('creates public apps without a secret, in a chosen team', async () => {
      const spa = await create({ client_name: 'SPA', redirect_uris: ['https://spa.example.com/cb'], token_endpoint_auth_method: 'none', team_id: sharedTeamId });
      expect(spa).toMatchObject({ portico_app_type: 'spa', token_endpoint_auth_method: 'none', team_id: sharedTeamId });
      expect(spa).not.toHaveProperty('client_secret');
      const native = await create({ client_name: 'App', application_type: 'native', redirect_uris: ['com.example.app:/cb', 'http://127.0.0.1/cb'] });
      expect(native).toMatchObject({ portico_app_type: 'native', application_type: 'native' });
      const filtered = await call('GET', `/api/v1/clients?team_id=${sharedTeamId}`, { token: tokens.ada });
      expect(filtered.body.clients.map((c: { client_id: string }) => c.client_id)).toEqual([spa.client_id]);
    });

    it('issues a secret that works at the token endpoint at once', async () => {
      const worker = await create(SERVICE);
      expect(worker).toMatchObject({ portico_app_type: 'service', response_types: [], redirect_uris: [] });
      const res = await clientCredentials(worker.client_id, worker.client_secret);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String) });
    });

    it('patches metadata and disables', async () => {
      const app = await create(WEB);
      const res = await call('PATCH', `/api/v1/clients/${app.client_id}`, {
        token: tokens.ada,
        body: { client_name: 'Renamed', redirect_uris: ['https://new.example.com/cb'], access_token_ttl: 600, refresh_token_rotation: false, logo_uri: null, disabled: true },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ client_name: 'Renamed', redirect_uris: ['https://new.example.com/cb'], access_token_ttl: 600, refresh_token_rotation: false, disabled: true });
      const enabled = await call('PATCH', `/api/v1/clients/${app.client_id}`, { token: tokens.ada, body: { disabled: false } });
      expect(enabled.body.disabled).toBe(false);
    });
  });

  describe('validation errors (RFC 7591 §3.2.2)', () => {
    const cases: [string, object, string, RegExp][] = [
      ['http redirect URI', { client_name: 'x', redirect_uris: ['http://app.example.com/cb'] }, 'invalid_redirect_uri', /^redirect_uris\[0\]: .*https/],
      ['fragment', { client_name: 'x', redirect_uris: ['https://app.example.com/cb#frag'] }, 'invalid_redirect_uri', /^redirect_uris\[0\]: .*fragment/],
      ['wildcard', { client_name: 'x', redirect_uris: ['https://*.example.com/cb'] }, 'invalid_redirect_uri', /wildcard/],
      ['custom scheme on web', { client_name: 'x', redirect_uris: ['com.example.app:/cb'] }, 'invalid_redirect_uri', /native/],
      ['no redirect URI', { client_name: 'x' }, 'invalid_redirect_uri', /^redirect_uris: /],
      ['redirect URIs on a service', { ...SERVICE, redirect_uris: ['https://a.example.com/cb'] }, 'invalid_redirect_uri', /^redirect_uris: .*[Ss]ervice/],
      ['bad post-logout URI', { ...WEB, post_logout_redirect_uris: ['javascript:alert(1)'] }, 'invalid_redirect_uri', /^post_logout_redirect_uris\[0\]: /],
      ['no name', { redirect_uris: ['https://a.example.com/cb'] }, 'invalid_client_metadata', /^client_name: /],
      ['blank name', { ...WEB, client_name: '  ' }, 'invalid_client_metadata', /^client_name: /],
      ['unknown grant type', { ...WEB, grant_types: ['password'] }, 'invalid_client_metadata', /^grant_types\[0\]: /],
      ['grant type of another type', { ...WEB, token_endpoint_auth_method: 'none', grant_types: ['client_credentials', 'authorization_code'] }, 'invalid_client_metadata', /^grant_types: /],
      ['response type', { ...WEB, response_types: ['token'] }, 'invalid_client_metadata', /^response_types(\[0\])?: /],
      ['auth method', { ...WEB, token_endpoint_auth_method: 'private_key_jwt' }, 'invalid_client_metadata', /^token_endpoint_auth_method: /],
      ['public web app', { ...WEB, portico_app_type: 'web', token_endpoint_auth_method: 'none' }, 'invalid_client_metadata', /^token_endpoint_auth_method: .*confidential/],
      ['secret on a spa', { ...WEB, portico_app_type: 'spa', token_endpoint_auth_method: 'client_secret_basic' }, 'invalid_client_metadata', /^token_endpoint_auth_method: /],
      ['type contradiction', { ...WEB, portico_app_type: 'spa', application_type: 'native' }, 'invalid_client_metadata', /application_type/],
      ['unknown type', { ...WEB, portico_app_type: 'desktop' }, 'invalid_client_metadata', /^portico_app_type: /],
      ['logo scheme', { ...WEB, logo_uri: 'javascript:alert(1)' }, 'invalid_client_metadata', /^logo_uri: /],
      ['policy URL', { ...WEB, policy_uri: 'not a url' }, 'invalid_client_metadata', /^policy_uri: /],
      ['scope', { ...WEB, scope: 'openid "quoted"' }, 'invalid_client_metadata', /^scope: /],
      ['wrong JSON type', { ...WEB, redirect_uris: 'https://a.example.com/cb' }, 'invalid_redirect_uri', /^redirect_uris: .*array/],
      ['team id type', { ...WEB, team_id: 5 }, 'invalid_client_metadata', /^team_id: /],
      ['NUL in a name', { ...WEB, client_name: 'a\u0000b' }, 'invalid_client_metadata', /^client_name: .*control/],
      ['NUL in a URI', { client_name: 'x', redirect_uris: ['https://a.example.com/\u0000'] }, 'invalid_redirect_uri', /^redirect_uris\[0\]: /],
      ['NUL in the description', { ...WEB, description: 'a\u0000' }, 'invalid_client_metadata', /^description: /],
      ['NUL in the scope', { ...WEB, scope: 'openid\u0000' }, 'invalid_client_metadata', /^scope: /],
    ];
    it.each(cases)('POST: %s', async (_name, body, error, description) => {
      expectError(await call('POST', '/api/v1/clients', { token: tokens.ada, body }), 400, error, description);
    });

    it('refuses bodies that are not a JSON object', async () => {
      expectError(await call('POST', '/api/v1/clients', { token: tokens.ada, raw: '{nope' }), 400, 'invalid_request', /JSON/);
      expectError(await call('POST', '/api/v1/clients', { token: tokens.ada, raw: '[1]' }), 400, 'invalid_request', /object/);
      const form = await fetch(`${server.issuer}/api/v1/clients`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.ada}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'client_name=x',
      });
      expect(form.status).toBe(415);
      expect((await form.json()).error).toBe('unsupported_media_type');
      const huge = await call('POST', '/api/v1/clients', { token: tokens.ada, body: { client_name: 'x'.repeat(70 * 1024) } });
      expectError(huge, 413, 'invalid_request', /KB/);
    });

    it('PATCH: checks against the app type and the bounds', async () => {
      const app = await create(WEB);
      const patch = (body: object) => call('PATCH', `/api/v1/clients/${app.client_id}`, { token: tokens.ada, body });
      expectError(await patch({ redirect_uris: ['com.example.app:/cb'] }), 400, 'invalid_redirect_uri', /^redirect_uris\[0\]: /);
      expectError(await patch({ redirect_uris: [] }), 400, 'invalid_redirect_uri', /^redirect_uris: /);
      expectError(await patch({ access_token_ttl: 59 }), 400, 'invalid_client_metadata', /^access_token_ttl: /);
      expectError(await patch({ refresh_token_ttl: 400 * 86400 }), 400, 'invalid_client_metadata', /^refresh_token_ttl: /);
      expectError(await patch({ token_endpoint_auth_method: 'none' }), 400, 'invalid_client_metadata', /^token_endpoint_auth_method: /);
      expectError(await patch({ disabled: 'yes' }), 400, 'invalid_client_metadata', /^disabled: /);
      expectError(await patch({ skip_consent: true }), 403, 'forbidden', /administrators/);
    });

    it('rotation: grace periods from the list only; public apps have no secret', async () => {
      const app = await create(SERVICE);
      expectError(await call('POST', `/api/v1/clients/${app.client_id}/secrets`, { token: tokens.ada, body: { grace_period_seconds: 60 } }), 400, 'invalid_request', /^grace_period_seconds: /);
      expectError(await call('POST', `/api/v1/clients/${app.client_id}/secrets`, { token: tokens.ada, body: {} }), 400, 'invalid_request', /^grace_period_seconds: /);
      const spa = await create({ client_name: 'SPA', redirect_uris: ['https://spa.example.com/cb'], token_endpoint_auth_method: 'none' });
      expectError(await call('POST', `/api/v1/clients/${spa.client_id}/secrets`, { token: tokens.ada, body: { grace_period_seconds: 0 } }), 400, 'invalid_request', /public/);
    });
  });

  describe('teams and roles', () => {
    it('answers 404 for another team’s app exactly as for an unknown id', async () => {
      const app = await create(SERVICE);
      const unknown = await call('GET', '/api/v1/clients/does-not-exist', { token: tokens.bob });
      expectError(unknown, 404, 'not_found');
      for (const [method, path, body] of [
        ['GET', `/api/v1/clients/${app.client_id}`],
        ['PATCH', `/api/v1/clients/${app.client_id}`, { client_name: 'mine' }],
        ['DELETE', `/api/v1/clients/${app.client_id}`],
        ['POST', `/api/v1/clients/${app.client_id}/secrets`, { grace_period_seconds: 0 }],
        ['DELETE', `/api/v1/clients/${app.client_id}/secrets/x`],
      ] as [string, string, object?][]) {
        const res = await call(method, path, { token: tokens.bob, body });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.body).toEqual(unknown.body);
      }
      expect((await call('GET', '/api/v1/clients', { token: tokens.bob })).body.clients.map((c: { client_id: string }) => c.client_id)).not.toContain(app.client_id);
      expectError(await call('POST', '/api/v1/clients', { token: tokens.bob, body: { ...WEB, team_id: sharedTeamId } }), 404, 'not_found');
      expect((await clientCredentials(app.client_id, app.client_secret)).status).toBe(200);
    });

    it('lets a viewer read (without last4) but not rotate, edit or delete', async () => {
      const app = await create({ ...SERVICE, team_id: sharedTeamId });
      const read = await call('GET', `/api/v1/clients/${app.client_id}`, { token: tokens.viewer });
      expect(read.status).toBe(200);
      expect(read.body.secrets).toEqual([expect.objectContaining({ last4: null })]);
      expectError(await call('POST', `/api/v1/clients/${app.client_id}/secrets`, { token: tokens.viewer, body: { grace_period_seconds: 0 } }), 403, 'forbidden', /viewer/);
      expectError(await call('PATCH', `/api/v1/clients/${app.client_id}`, { token: tokens.viewer, body: { client_name: 'x' } }), 403, 'forbidden');
      expectError(await call('DELETE', `/api/v1/clients/${app.client_id}`, { token: tokens.viewer }), 403, 'forbidden');
      expectError(await call('POST', '/api/v1/clients', { token: tokens.viewer, body: { ...WEB, team_id: sharedTeamId } }), 403, 'forbidden');
    });
  });

  describe('secrets', () => {
    it('rotation keeps the old secret during the grace period; grace 0 revokes it', async () => {
      const app = await create(SERVICE);
      expect((await clientCredentials(app.client_id, app.client_secret)).status).toBe(200); // now cached by the server
      const rotated = await call('POST', `/api/v1/clients/${app.client_id}/secrets`, { token: tokens.ada, body: { grace_period_seconds: 3600 } });
      expect(rotated.status).toBe(201);
      expect(rotated.body).toMatchObject({ client_id: app.client_id, client_secret: expect.stringMatching(/^cs_/), status: 'active', expires_at: null });
      const second = rotated.body.client_secret;
      expect((await clientCredentials(app.client_id, app.client_secret)).status).toBe(200);
      expect((await clientCredentials(app.client_id, second)).status).toBe(200);
      const secrets = (await call('GET', `/api/v1/clients/${app.client_id}`, { token: tokens.ada })).body.secrets;
      expect(secrets.map((s: { status: string }) => s.status)).toEqual(['active', 'expiring']);
      expect(secrets[1].expires_at - Math.floor(Date.now() / 1000)).toBeGreaterThan(3500);

      const third = (await call('POST', `/api/v1/clients/${app.client_id}/secrets`, { token: tokens.ada, body: { grace_period_seconds: 0 } })).body.client_secret;
      expect((await clientCredentials(app.client_id, app.client_secret)).status).toBe(401);
      expect((await clientCredentials(app.client_id, second)).status).toBe(401);
      expect((await clientCredentials(app.client_id, third)).status).toBe(200);
    });

    it('revokes one secret; unknown secret ids are 404', async () => {
      const app = await create(SERVICE);
      const [secret] = (await call('GET', `/api/v1/clients/${app.client_id}`, { token: tokens.ada })).body.secrets;
      expectError(await call('DELETE', `/api/v1/clients/${app.client_id}/secrets/nope`, { token: tokens.ada }), 404, 'not_found');
      const res = await call('DELETE', `/api/v1/clients/${app.client_id}/secrets/${secret.id}`, { token: tokens.ada });
      expect(res.status).toBe(204);
      expect((await clientCredentials(app.client_id, app.client_secret)).status).toBe(401); 
      expect((await call('GET', `/api/v1/clients/${app.client_id}`, { token: tokens.ada })).body.secrets[0].status).toBe('revoked');
    });
  });

  describe('delete', () => {
    it('revokes the app’s tokens: introspection answers inactive', async () => {
      const resourceServer = await create(SERVICE);
      const doomed = await create(SERVICE);
      // RFC 7662 §4: only a server of the token's API (or its own client) may introspect it.
      const api = `https://api.example.com/${doomed.client_id}`;
      await db.apiResource.create({ data: { id: `api_${doomed.client_id}`, identifier: api, name: 'API', openAccess: true, servers: { create: [{ clientId: resourceServer.client_id }] } } });
      await new Promise((r) => setTimeout(r, 300)); // APIs are re-read within 250 ms
      const issued = await fetch(`${server.issuer}/oauth/token`, {
        method: 'POST',
        headers: { authorization: basic(doomed.client_id, doomed.client_secret), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', resource: api }),
      });
      const token = ((await issued.json()) as { access_token: string }).access_token;
      const introspect = async () =>
        (await fetch(`${server.issuer}/oauth/introspect`, {
          method: 'POST',
          headers: { authorization: basic(resourceServer.client_id, resourceServer.client_secret), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token }),
        })).json();
      expect(await introspect()).toMatchObject({ active: true, client_id: doomed.client_id });
      const res = await call('DELETE', `/api/v1/clients/${doomed.client_id}`, { token: tokens.ada });
      expect(res.status).toBe(204);
      expect(await introspect()).toEqual({ active: false });
      expectError(await call('GET', `/api/v1/clients/${doomed.client_id}`, { token: tokens.ada }), 404, 'not_found');
      expectError(await call('DELETE', `/api/v1/clients/${doomed.client_id}`, { token: tokens.ada }), 404, 'not_found');
    });
  });

  describe('the API itself', () => {
    it('publishes an OpenAPI 3.1 document of every path', async () => {
      const res = await call('GET', '/api/v1/openapi.json');
      expect(res.status).toBe(200);
      const doc = res.body;
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
        '/api/v1/clients', '/api/v1/clients/{client_id}', '/api/v1/clients/{client_id}/secrets', '/api/v1/clients/{client_id}/secrets/{secret_id}',
      ]));
      expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/clients') && !p.includes('/access'))).toHaveLength(5); // the four above and api-access; /access is the operators' (admin-openapi.ts)
      expect(doc.components.securitySchemes.personalAccessToken).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
      expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['ClientRegistration', 'ClientUpdate', 'Client', 'ClientList', 'SecretRotation', 'RotatedSecret', 'Error']));
      expect(doc.components.schemas.ClientRegistration.properties).toHaveProperty('redirect_uris');
      expect(doc.components.schemas.ClientRegistration.required).toEqual(['client_name']);
      expect(doc.components.schemas.SecretRotation.properties.grace_period_seconds.enum).toEqual([0, 3600, 86400, 604800]);
      expect(doc.paths['/api/v1/clients'].post.responses['400'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    });

    it('answers unknown paths, methods and odd ids with JSON, never a stack', async () => {
      expectError(await call('GET', '/api/v1/nothing', { token: tokens.ada }), 404, 'not_found');
      const put = await call('PUT', '/api/v1/clients', { token: tokens.ada, body: {} });
      expectError(put, 405, 'method_not_allowed');
      expect(put.headers.get('allow')).toBe('GET, POST');
      expectError(await call('GET', `/api/v1/clients/${'x'.repeat(500)}`, { token: tokens.ada }), 404, 'not_found');
      expectError(await call('GET', '/api/v1/clients/a%2Fb', { token: tokens.ada }), 404, 'not_found');
      expectError(await call('GET', '/api/v1/clients/%00', { token: tokens.ada }), 404, 'not_found');
      expect((await call('GET', '/api/v1/clients?team_id=%00', { token: tokens.ada })).body).toEqual({ clients: [] });
      expectError(await call('POST', '/api/v1/clients', { token: tokens.ada, body: { ...WEB, team_id: '\u0000' } }), 404, 'not_found');
    });
  });
});
