/**
 * RFC 8707 resource indicators end to end through the core: which APIs a token is for, who may
 * ask for an API's scopes, what introspection and revocation tell whom, the consent screen's
 * grouping by API, and RFC 9728 metadata.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { writeSetting } from '@/lib/settings/write-setting.ts';
import { basic, call, CHALLENGE, sessionCookie, startCore, VERIFIER, type Harness } from '../support/core-harness.ts';

const INVOICES = 'https://api.example.com/invoices';
const REPORTS = 'https://reports.example.com/';
const OPEN = 'https://mcp.example.com/mcp';
const REDIRECT = 'https://app.example.com/cb';

let h: Harness;
let userId: string;
let app: { id: string; secret: string };
let stranger: { id: string; secret: string };
let invoicesServer: { id: string; secret: string };

async function confidential(name: string, grantTypes: ('authorization_code' | 'refresh_token')[] = ['authorization_code', 'refresh_token']) {
  const created = await createClient(h.runtime.db, { name, type: 'web', redirectUris: [REDIRECT], grantTypes });
  return { id: created.client.id, secret: created.clientSecret! };
}

beforeAll(async () => {
  h = await startCore();
  const db = h.runtime.db;
  userId = (await createUser(db, { email: 'ada@example.com', password: 'correct horse battery' })).id;
  app = await confidential('Ledger');
  stranger = await confidential('Stranger');
  invoicesServer = await confidential('Invoices API server');
  const service = await createClient(db, { name: 'Batch', type: 'service' });
  Object.assign(app, { serviceId: service.client.id, serviceSecret: service.clientSecret });

  const team = await db.team.create({ data: { id: 'team_billing', name: 'Billing team' } });
  const invoices = await db.apiResource.create({
    data: {
      id: 'api_invoices', teamId: team.id, identifier: INVOICES, name: 'Invoices', tokenFormat: 'jwt', accessTokenTtl: 600,
      scopes: { create: [{ name: 'invoices:read', description: 'See your invoices' }, { name: 'invoices:write', description: 'Send invoices for you' }] },
    },
  });
  await db.apiResource.create({
    data: { id: 'api_reports', identifier: REPORTS, name: 'Reports', tokenFormat: 'opaque', scopes: { create: [{ name: 'reports:read', description: 'Read your reports' }] } },
  });
  await db.apiResource.create({ data: { id: 'api_open', identifier: OPEN, name: 'Agent tools', openAccess: true } });
  await db.apiAccess.create({ data: { resourceId: invoices.id, clientId: app.id, requestedScope: 'invoices:read invoices:write', approvedScope: 'invoices:read' } });
  await db.apiAccess.create({ data: { resourceId: 'api_reports', clientId: app.id, requestedScope: 'reports:read', approvedScope: 'reports:read' } });
  await db.apiAccess.create({ data: { resourceId: 'api_reports', clientId: service.client.id, requestedScope: 'reports:read', approvedScope: 'reports:read' } });
  await db.apiResourceServer.create({ data: { resourceId: invoices.id, clientId: invoicesServer.id } });
  await h.runtime.stores.consents.grant(userId, app.id, ['openid', 'offline_access', 'invoices:read', 'reports:read'], [], [INVOICES, REPORTS]);
});
afterAll(() => h?.close());

async function authorize(extra: Record<string, string>, clientId = app.id) {
  const params = new URLSearchParams({
    client_id: clientId, redirect_uri: REDIRECT, response_type: 'code', scope: 'openid', state: 'st',
    code_challenge: CHALLENGE, code_challenge_method: 'S256', ...extra,
  });
  const resources = extra.resource?.split(' ') ?? [];
  params.delete('resource');
  for (const r of resources) params.append('resource', r);
  const res = await call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: { cookie: await sessionCookie(h, userId) } });
  return new URL(res.headers.get('location')!, h.config.issuer);
}

async function token(body: Record<string, string>, client = app) {
  const res = await call(h, 'token', { body, headers: { authorization: basic(client.id, client.secret) } });
  return { status: res.status, json: (await res.json()) as Record<string, string> };
}

async function codeFor(extra: Record<string, string>) {
  const redirect = await authorize(extra);
  const code = redirect.searchParams.get('code');
  expect(code, redirect.toString()).toBeTruthy();
  return code!;
}

const exchange = (code: string, extra: Record<string, string> = {}) =>
  token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER, ...extra });

async function introspect(tokenValue: string, caller: { id: string; secret: string }) {
  const res = await call(h, 'introspect', { body: { token: tokenValue }, headers: { authorization: basic(caller.id, caller.secret) } });
  return (await res.json()) as Record<string, unknown>;
}

describe('RFC 8707 at the authorization endpoint', () => {
  it.each([
    ['an unknown API', 'https://nowhere.example.com/'],
    ['a relative URI', '/invoices'],
    ['a fragment', `${INVOICES}#x`],
  ])('refuses %s with invalid_target, redirected to the app', async (_label, resource) => {
    const redirect = await authorize({ resource });
    expect(redirect.origin + redirect.pathname).toBe(REDIRECT);
    expect(redirect.searchParams.get('error')).toBe('invalid_target');
    expect(redirect.searchParams.get('state')).toBe('st');
  });

  it('refuses an API the app was not granted, and a scope its owner did not approve', async () => {
    const other = await authorize({ resource: INVOICES }, stranger.id);
    expect(other.searchParams.get('error')).toBe('invalid_target');
    const unapproved = await authorize({ resource: INVOICES, scope: 'openid invoices:write' });
    expect(unapproved.searchParams.get('error')).toBe('invalid_scope');
    expect(unapproved.searchParams.get('error_description')).toContain('has not approved');
  });

  it('refuses an API scope without its API in the audience, naming the resource to add', async () => {
    const redirect = await authorize({ scope: 'openid invoices:read' });
    expect(redirect.searchParams.get('error')).toBe('invalid_scope');
    expect(redirect.searchParams.get('error_description')).toContain(`resource=${INVOICES}`);
  });
});

describe('audience-bound tokens', () => {
  it('issues a JWT for the API with aud, its lifetime, and only its scopes; introspection agrees', async () => {
    const code = await codeFor({ resource: INVOICES, scope: 'openid invoices:read' });
    const { status, json } = await exchange(code);
    expect(status).toBe(200);
    const claims = decodeJwt(json.access_token!);
    expect(claims.aud).toBe(INVOICES);
    expect(claims.scope).toBe('openid invoices:read');
    expect(json.expires_in).toBe(600);
    const seen = await introspect(json.access_token!, app);
    expect(seen).toMatchObject({ active: true, aud: INVOICES, scope: 'openid invoices:read' });
  });

  it('lets the API’s own resource server introspect, and nobody else', async () => {
    const { json } = await exchange(await codeFor({ resource: INVOICES, scope: 'openid invoices:read' }));
    expect(await introspect(json.access_token!, invoicesServer)).toMatchObject({ active: true, aud: INVOICES });
    expect(await introspect(json.access_token!, stranger)).toEqual({ active: false });
    expect(await introspect(json.refresh_token ?? 'none', invoicesServer)).toEqual({ active: false });
  });

  it('picks one of several APIs at the token endpoint, never one outside the grant (§2.2)', async () => {
    const code = await codeFor({ resource: `${INVOICES} ${REPORTS}`, scope: 'openid offline_access invoices:read reports:read' });
    const { json } = await exchange(code, { resource: REPORTS });
    expect(json.access_token).toMatch(/^at_/); // Reports takes opaque tokens
    expect(json.scope).toBe('openid offline_access reports:read');
    expect(await introspect(json.access_token!, app)).toMatchObject({ active: true, aud: REPORTS });

    const narrowed = await token({ grant_type: 'refresh_token', refresh_token: json.refresh_token!, resource: INVOICES });
    expect(narrowed.status).toBe(200);
    expect(decodeJwt(narrowed.json.access_token!).aud).toBe(INVOICES);
    expect(narrowed.json.scope).toBe('openid offline_access invoices:read');

    const outside = await token({ grant_type: 'refresh_token', refresh_token: narrowed.json.refresh_token!, resource: OPEN });
    expect(outside).toMatchObject({ status: 400, json: { error: 'invalid_target' } });
    // The refused request did not cost the refresh token.
    const both = await token({ grant_type: 'refresh_token', refresh_token: narrowed.json.refresh_token! });
    expect(both.status).toBe(200);
    expect(await introspect(both.json.access_token!, app)).toMatchObject({ aud: [INVOICES, REPORTS] });
  });

  it('gives a token asked for without resource no API, or the operator’s default API', async () => {
    const plain = await exchange(await codeFor({}));
    const seen = await introspect(plain.json.access_token!, app);
    expect(seen.active).toBe(true);
    expect(seen).not.toHaveProperty('aud');

    await writeSetting(h.runtime.db, 'default_resource', REPORTS);
    await new Promise((r) => setTimeout(r, 300)); // settings are re-read within 250 ms
    try {
      const defaulted = await exchange(await codeFor({}));
      expect(await introspect(defaulted.json.access_token!, app)).toMatchObject({ active: true, aud: REPORTS });
    } finally {
      await writeSetting(h.runtime.db, 'default_resource', null);
      await new Promise((r) => setTimeout(r, 300));
    }
  });

  it('binds client_credentials tokens to the API named, if the app may use it', async () => {
    const service = app as unknown as { serviceId: string; serviceSecret: string };
    const caller = { id: service.serviceId, secret: service.serviceSecret };
    const ok = await token({ grant_type: 'client_credentials', scope: 'reports:read', resource: REPORTS }, caller);
    expect(ok.status).toBe(200);
    expect(await introspect(ok.json.access_token!, caller)).toMatchObject({ aud: REPORTS, scope: 'reports:read' });
    const refused = await token({ grant_type: 'client_credentials', resource: INVOICES }, caller);
    expect(refused).toMatchObject({ status: 400, json: { error: 'invalid_target' } });
  });
});

describe('revocation', () => {
  it('answers 200 for another client’s token and leaves it alone', async () => {
    const { json } = await exchange(await codeFor({ resource: INVOICES, scope: 'openid invoices:read' }));
    const res = await call(h, 'revoke', { body: { token: json.access_token! }, headers: { authorization: basic(stranger.id, stranger.secret) } });
    expect(res.status).toBe(200);
    expect((await introspect(json.access_token!, app)).active).toBe(true);
  });
});

describe('consent', () => {
  it('groups API scopes under their API and its owner, and asks before a new API joins the audience', async () => {
    const redirect = await authorize({ resource: `${INVOICES} ${OPEN}`, scope: 'openid invoices:read' });
    expect(redirect.pathname).toBe('/consent');
    const view = (await h.runtime.provider.interactions.describe(redirect.searchParams.get('interaction')!, userId))!;
    expect(view.apis).toEqual([
      { identifier: INVOICES, name: 'Invoices', ownerName: 'Billing team' },
      { identifier: OPEN, name: 'Agent tools', ownerName: null },
    ]);
    expect(view.scopes.find((s) => s.name === 'invoices:read')).toMatchObject({ description: 'See your invoices', api: { identifier: INVOICES } });
    const next = await h.runtime.provider.interactions.decideConsent(view.id, userId, 'allow');
    expect(await h.runtime.stores.consents.findResources(userId, app.id)).toContain(OPEN);
    expect(next).toContain('interaction=');
  });
});

describe('RFC 9728 protected resource metadata', () => {
  it('describes a registered API and refuses others', async () => {
    const res = await call(h, 'resourceMetadata', { path: `/oauth/resource-metadata?resource=${encodeURIComponent(INVOICES)}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      resource: INVOICES, authorization_servers: [h.config.issuer], scopes_supported: ['invoices:read', 'invoices:write'],
      bearer_methods_supported: ['header'], resource_name: 'Invoices',
    });
    const unknown = await call(h, 'resourceMetadata', { path: '/oauth/resource-metadata?resource=https%3A%2F%2Fnope.example%2F' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'invalid_target' });
  });
});
