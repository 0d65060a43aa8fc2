/**
 * Secret rotation and app deletion against the real core (same database, controlled clock):
 * the new secret works at the token endpoint, the old one until its grace period ends, and a
 * deleted app's tokens are inactive at introspection and its refresh tokens refused.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client.ts';
import { basic, call, CHALLENGE, sessionCookie, startCore, VERIFIER, type Harness } from '@/tests/support/core-harness.ts';
import { auditActions, makeActor, makeTeam, makeTeamClient, SERVICE, WEB } from '@/tests/support/portal.ts';
import { deleteClient, ForbiddenError, getClient, NotFoundError, revokeClientSecret, rotateClientSecret, ValidationError } from './index.ts';

let h: Harness;
let owner: Awaited<ReturnType<typeof makeActor>>;
let dev: Awaited<ReturnType<typeof makeActor>>;
let viewer: Awaited<ReturnType<typeof makeActor>>;
let teamId: string;

beforeAll(async () => {
  h = await startCore();
  const db = h.runtime.db;
  [owner, dev, viewer] = [await makeActor(db), await makeActor(db), await makeActor(db)];
  teamId = (await makeTeam(db, owner, [[dev, 'developer'], [viewer, 'viewer']])).id;
});
afterAll(() => h?.close());
// The core's clock follows real time between tests; a test that moves it on does so after its writes.
beforeEach(() => void (h.clock.now = new Date()));

const clientCredentials = (id: string, secret: string) =>
  call(h, 'token', { body: { grant_type: 'client_credentials' }, headers: { authorization: basic(id, secret) } });

const introspect = async (token: string, by: { id: string; secret: string }) =>
  (await call(h, 'introspect', { body: { token }, headers: { authorization: basic(by.id, by.secret) } })).json();

async function service() {
  const { client, clientSecret } = await makeTeamClient(h.runtime.db, dev, teamId, SERVICE);
  return { id: client.id, secret: clientSecret! };
}

describe('rotateClientSecret', () => {
  it('keeps the previous secret working until the grace period ends', async () => {
    const app = await service();
    h.clock.now = new Date();
    const { clientSecret, secret } = await rotateClientSecret(h.runtime.db, dev, app.id, { gracePeriodSeconds: 3600 }, h.clock.now);
    expect(clientSecret).toMatch(/^cs_/);
    expect(secret).toMatchObject({ last4: clientSecret.slice(-4), status: 'active' });
    const detail = await getClient(h.runtime.db, dev, app.id);
    expect(detail.secrets.map((s) => s.status)).toEqual(['active', 'expiring']);
    expect(detail.secrets[1]!.expiresAt!.getTime()).toBe(h.clock.now.getTime() + 3600_000);
    expect((await clientCredentials(app.id, app.secret)).status).toBe(200);
    expect((await clientCredentials(app.id, clientSecret)).status).toBe(200);
    h.clock.advance(3601);
    expect((await clientCredentials(app.id, app.secret)).status).toBe(401);
    expect((await clientCredentials(app.id, clientSecret)).status).toBe(200);
    expect(await auditActions(h.runtime.db, { clientId: app.id })).toEqual(['client.created', 'client.secret_rotated']);
  });

  it('with grace 0 revokes the previous secret at once', async () => {
    const app = await service();
    const { clientSecret } = await rotateClientSecret(h.runtime.db, dev, app.id, { gracePeriodSeconds: 0 });
    expect((await clientCredentials(app.id, app.secret)).status).toBe(401);
    expect((await clientCredentials(app.id, clientSecret)).status).toBe(200);
    expect((await getClient(h.runtime.db, dev, app.id)).secrets.map((s) => s.status)).toEqual(['active', 'revoked']);
  });

  it('never extends an earlier, shorter grace period', async () => {
    const app = await service();
    h.clock.now = new Date();
    await rotateClientSecret(h.runtime.db, dev, app.id, { gracePeriodSeconds: 3600 }, h.clock.now);
    await rotateClientSecret(h.runtime.db, dev, app.id, { gracePeriodSeconds: 604800 }, new Date(h.clock.now.getTime() + 1));
    const expiries = (await getClient(h.runtime.db, dev, app.id)).secrets.map((s) => s.expiresAt?.getTime() ?? null);
    expect(expiries).toEqual([null, h.clock.now.getTime() + 1 + 604800_000, h.clock.now.getTime() + 3600_000]);
  });

  it('refuses viewers, outsiders, public apps and other grace periods', async () => {
    const db = h.runtime.db;
    const app = await service();
    await expect(rotateClientSecret(db, viewer, app.id, { gracePeriodSeconds: 0 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(rotateClientSecret(db, await makeActor(db), app.id, { gracePeriodSeconds: 0 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(rotateClientSecret(db, dev, app.id, { gracePeriodSeconds: 60 as 0 })).rejects.toBeInstanceOf(ValidationError);
    const spa = await makeTeamClient(db, dev, teamId, { name: 'SPA', type: 'spa', redirectUris: ['https://spa.example.com/cb'] });
    await expect(rotateClientSecret(db, dev, spa.client.id, { gracePeriodSeconds: 0 })).rejects.toBeInstanceOf(ValidationError);
    expect((await db.clientSecret.findMany({ where: { clientId: app.id } })).length).toBe(1);
  });

  it('writes nothing when any write of the transaction fails', async () => {
    const app = await service();
    const failingAudit = h.runtime.db.$extends({ query: { auditEvent: { create: () => Promise.reject(new Error('disk full')) } } }) as unknown as Db;
    await expect(rotateClientSecret(failingAudit, dev, app.id, { gracePeriodSeconds: 0 })).rejects.toThrow('disk full');
    const rows = await h.runtime.db.clientSecret.findMany({ where: { clientId: app.id } });
    expect(rows).toEqual([expect.objectContaining({ revokedAt: null, expiresAt: null })]);
    expect((await clientCredentials(app.id, app.secret)).status).toBe(200);
  });
});

describe('revokeClientSecret', () => {
  it('stops one secret at once; unknown secret ids are not found', async () => {
    const app = await service();
    const { id } = (await getClient(h.runtime.db, dev, app.id)).secrets[0]!;
    await expect(revokeClientSecret(h.runtime.db, viewer, app.id, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeClientSecret(h.runtime.db, dev, app.id, 'nope')).rejects.toBeInstanceOf(NotFoundError);
    expect(await revokeClientSecret(h.runtime.db, dev, app.id, id)).toMatchObject({ id, status: 'revoked' });
    expect((await clientCredentials(app.id, app.secret)).status).toBe(401);
  });
});

describe('deleteClient', () => {
  it('revokes every token and grant of the app, then removes it', async () => {
    const db = h.runtime.db;
    const resourceServer = await service();
    const doomed = await service();
    // RFC 7662 §4: only the token's own client or a server of its API may introspect it.
    const api = `https://api.example.com/${doomed.id}`;
    await db.apiResource.create({ data: { id: `api_${doomed.id}`, identifier: api, name: 'API', openAccess: true, servers: { create: [{ clientId: resourceServer.id }] } } });
    await new Promise((r) => setTimeout(r, 300)); // APIs are re-read within 250 ms
    const issued = await call(h, 'token', { body: { grant_type: 'client_credentials', resource: api }, headers: { authorization: basic(doomed.id, doomed.secret) } });
    const token = ((await issued.json()) as { access_token: string }).access_token;
    expect(await introspect(token, resourceServer)).toMatchObject({ active: true, client_id: doomed.id, aud: api });

    const web = await makeTeamClient(db, dev, teamId, WEB);
    const user = await makeActor(db);
    await h.runtime.stores.consents.grant(user.userId, web.client.id, ['openid', 'offline_access']);
    const refreshToken = await codeFlow(web.client.id, web.clientSecret!, user.userId);

    await expect(deleteClient(db, dev, doomed.id)).rejects.toBeInstanceOf(ForbiddenError);
    await deleteClient(db, owner, doomed.id);
    await deleteClient(db, owner, web.client.id);

    expect(await introspect(token, resourceServer)).toEqual({ active: false });
    expect(await db.token.count({ where: { clientId: { in: [doomed.id, web.client.id] }, revokedAt: null } })).toBe(0);
    expect(await db.grant.count({ where: { clientId: { in: [doomed.id, web.client.id] }, revokedAt: null } })).toBe(0);
    expect(await db.consent.count({ where: { clientId: web.client.id } })).toBe(0);
    expect(await db.client.count({ where: { id: { in: [doomed.id, web.client.id] } } })).toBe(0);
    // The core's 5 s client cache may still know the app; the refresh token is refused anyway.
    const refreshed = await call(h, 'token', { body: { grant_type: 'refresh_token', refresh_token: refreshToken }, headers: { authorization: basic(web.client.id, web.clientSecret!) } });
    expect(refreshed.status).toBeGreaterThanOrEqual(400);
    await expect(getClient(db, owner, doomed.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await auditActions(db, { clientId: doomed.id })).toEqual(['client.created', 'client.deleted']);
  });
});

async function codeFlow(clientId: string, secret: string, userId: string): Promise<string> {
  const params = new URLSearchParams({
    client_id: clientId, redirect_uri: 'https://app.example.com/cb', response_type: 'code', scope: 'openid offline_access',
    state: 's', nonce: 'n', code_challenge: CHALLENGE, code_challenge_method: 'S256',
  });
  const res = await call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: { cookie: await sessionCookie(h, userId) } });
  const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
  const tokens = await call(h, 'token', {
    body: { grant_type: 'authorization_code', code, redirect_uri: 'https://app.example.com/cb', code_verifier: VERIFIER },
    headers: { authorization: basic(clientId, secret) },
  });
  expect(tokens.status).toBe(200);
  return (await tokens.json()).refresh_token;
}
