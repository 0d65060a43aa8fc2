/**
 * scope_descriptions, Portico's extension member (RFC 7591 §2) for what users see for an app's own
 * API scopes: set, returned, replaced and validated through the REST API (/api/v1) and dynamic
 * registration (RFC 7591/7592), and shown in the OpenAPI document. The API router and the
 * registration port run in process on a real, migrated database (SQLite and PostgreSQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '@/lib/api/router.ts';
import type { Db } from '@/lib/db/client.ts';
import { migrateDatabase } from '@/lib/db/migrate.ts';
import { OAuthError } from '@/lib/oidc/errors.ts';
import { sha256 } from '@/lib/oidc/tokens.ts';
import { createRegistrationPort } from '@/lib/portal/dynamic-registration.ts';
import { createPersonalAccessToken } from '@/lib/portal/index.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { makeVerifiedUser, openDb } from '../support/fixtures.ts';

const ISSUER = 'http://localhost:3999';
const WEB = { client_name: 'Ledger', redirect_uris: ['https://ledger.example.com/cb'], scope: 'openid email invoices:read invoices:write' };
const INVOICES = { 'invoices:read': 'See and download your invoices', 'invoices:write': 'Send invoices in your name' };

describe.each(DATABASES)('scope_descriptions on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let token: string;
  let api: ReturnType<typeof createApi>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await migrateDatabase(database.url);
    db = await openDb(database.url);
    api = createApi({ db, clock: () => new Date(), issuer: ISSUER });
    const user = await makeVerifiedUser(db, `ledger-${kind}@example.com`);
    token = (await createPersonalAccessToken(db, { userId: user.id }, { name: 'test', scopes: ['clients:read', 'clients:write'], expiresInDays: 1 })).secret;
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await api(new Request(`${ISSUER}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }));
    return { status: res.status, body: JSON.parse(res.body ?? 'null') };
  };
  const expectMetadataError = (res: { status: number; body: unknown }, description: RegExp) => {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body).toEqual({ error: 'invalid_client_metadata', error_description: expect.stringMatching(description) });
  };

  describe('REST API', () => {
    it('stores trimmed descriptions and returns them on create, read and list', async () => {
      const created = await call('POST', '/clients', { ...WEB, scope_descriptions: { 'invoices:read': `  ${INVOICES['invoices:read']} ` } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body.scope_descriptions).toEqual({ 'invoices:read': INVOICES['invoices:read'] });
      const read = await call('GET', `/clients/${created.body.client_id}`);
      expect(read.body.scope_descriptions).toEqual({ 'invoices:read': INVOICES['invoices:read'] });
      const list = await call('GET', '/clients');
      expect(list.body.clients.find((c: { client_id: string }) => c.client_id === created.body.client_id).scope_descriptions).toEqual({
        'invoices:read': INVOICES['invoices:read'],
      });
      const row = await db.client.findUniqueOrThrow({ where: { id: created.body.client_id } });
      expect(row.scopeDescriptions).toBe(JSON.stringify({ 'invoices:read': INVOICES['invoices:read'] }));
    });

    it('leaves the member out when there are none', async () => {
      const created = await call('POST', '/clients', WEB);
      expect(created.body).not.toHaveProperty('scope_descriptions');
      expect((await db.client.findUniqueOrThrow({ where: { id: created.body.client_id } })).scopeDescriptions).toBeNull();
    });

    it('PATCH replaces them, drops those of scopes removed from scope, and null clears them', async () => {
      const { body: app } = await call('POST', '/clients', { ...WEB, scope_descriptions: INVOICES });
      const replaced = await call('PATCH', `/clients/${app.client_id}`, { scope_descriptions: { 'invoices:write': 'Create and send invoices' } });
      expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
      expect(replaced.body.scope_descriptions).toEqual({ 'invoices:write': 'Create and send invoices' });

      await call('PATCH', `/clients/${app.client_id}`, { scope_descriptions: INVOICES });
      const narrowed = await call('PATCH', `/clients/${app.client_id}`, { scope: 'openid invoices:read' });
      expect(narrowed.body.scope_descriptions).toEqual({ 'invoices:read': INVOICES['invoices:read'] });
      const renamed = await call('PATCH', `/clients/${app.client_id}`, { client_name: 'Ledger 2' });
      expect(renamed.body.scope_descriptions).toEqual({ 'invoices:read': INVOICES['invoices:read'] });

      const cleared = await call('PATCH', `/clients/${app.client_id}`, { scope_descriptions: null });
      expect(cleared.body).not.toHaveProperty('scope_descriptions');
      expect((await db.client.findUniqueOrThrow({ where: { id: app.client_id } })).scopeDescriptions).toBeNull();
    });

    it('PATCH checks the keys against the patched scope, else the current one', async () => {
      const { body: app } = await call('POST', '/clients', WEB);
      const patch = (body: object) => call('PATCH', `/clients/${app.client_id}`, body);
      expectMetadataError(await patch({ scope_descriptions: { reports: 'See your reports' } }), /^scope_descriptions\.reports: .*not one of this app’s scopes/);
      expectMetadataError(await patch({ scope: 'openid', scope_descriptions: { 'invoices:read': 'See your invoices' } }), /^scope_descriptions\.invoices:read: /);
      expect((await patch({ scope: 'openid reports', scope_descriptions: { reports: 'See your reports' } })).body.scope_descriptions).toEqual({ reports: 'See your reports' });
    });

    const cases: [string, unknown, RegExp][] = [
      ['a standard scope', { email: 'See your email' }, /^scope_descriptions\.email: .*standard scope/],
      ['a scope the app does not have', { reports: 'See your reports' }, /^scope_descriptions\.reports: .*not one of this app’s scopes/],
      ['an empty description', { 'invoices:read': '   ' }, /^scope_descriptions\.invoices:read: .*few words/],
      ['a long description', { 'invoices:read': 'x'.repeat(121) }, /^scope_descriptions\.invoices:read: .*at most 120/],
      ['a line break', { 'invoices:read': 'See\nyour invoices' }, /^scope_descriptions\.invoices:read: .*one line/],
      ['a NUL', { 'invoices:read': 'See\u0000' }, /^scope_descriptions\.invoices:read: .*control/],
      ['markup first', { 'invoices:read': '<b>See</b> your invoices' }, /^scope_descriptions\.invoices:read: .*start with a letter/],
      ['a number', { 'invoices:read': 5 }, /^scope_descriptions\.invoices:read: .*string/],
      ['not an object', ['See your invoices'], /^scope_descriptions: .*object/],
    ];
    it.each(cases)('POST refuses %s (invalid_client_metadata)', async (_name, descriptions, description) => {
      expectMetadataError(await call('POST', '/clients', { ...WEB, scope_descriptions: descriptions }), description);
    });

    it('documents the member in the OpenAPI document, in and out', async () => {
      const { body: doc } = await call('GET', '/openapi.json');
      for (const schema of ['ClientRegistration', 'ClientUpdate', 'Client']) {
        expect(doc.components.schemas[schema].properties.scope_descriptions, schema).toMatchObject({ description: expect.stringMatching(/consent screen/) });
      }
      expect(JSON.stringify(doc.components.schemas.ClientRegistration.properties.scope_descriptions)).toContain('additionalProperties');
    });
  });

  describe('dynamic registration (RFC 7591, RFC 7592)', () => {
    const port = () => createRegistrationPort(db);

    it('registers, reads and replaces them; a PUT without them removes them (RFC 7592 §2.2)', async () => {
      const tokenHash = sha256(`rat_${kind}_${Date.now()}`);
      const registered = await port().register({ ...WEB, scope_descriptions: INVOICES }, tokenHash);
      expect(registered.scope_descriptions).toEqual(INVOICES);
      const clientId = registered.client_id as string;
      expect((await port().findByRegistrationToken(clientId, tokenHash))?.scope_descriptions).toEqual(INVOICES);
      const updated = await port().update(clientId, { ...WEB, client_id: clientId, scope_descriptions: { 'invoices:read': 'Read your invoices' } });
      expect(updated.scope_descriptions).toEqual({ 'invoices:read': 'Read your invoices' });
      const replaced = await port().update(clientId, { ...WEB, client_id: clientId });
      expect(replaced).not.toHaveProperty('scope_descriptions');
    });

    it('answers invalid_client_metadata naming the scope (RFC 7591 §3.2.2)', async () => {
      const error = await port().register({ ...WEB, scope_descriptions: { openid: 'Who you are' } }, sha256(`x_${kind}`)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OAuthError);
      expect(error).toMatchObject({ code: 'invalid_client_metadata', description: expect.stringMatching(/^scope_descriptions\.openid: .*standard scope/) });
    });
  });
});
