/**
 * The operator's "verified" flag on apps: set only by the operator's use case (the CLI's path),
 * audited, shown on the consent screen through interactions.describe, and read-only in the REST
 * API and in dynamic registration (RFC 7591/7592), where a `verified` in a body is ignored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '@/lib/api/router.ts';
import { createPersonalAccessToken } from '@/lib/portal/index.ts';
import { createRegistrationPort } from '@/lib/portal/dynamic-registration.ts';
import { NotFoundError } from '@/lib/portal/errors.ts';
import { setClientVerified } from '@/lib/portal/set-client-verified.ts';
import { auditActions, makeActor, makeTeam, makeTeamClient } from '@/tests/support/portal.ts';
import { call, CHALLENGE, sessionCookie, startCore, type Harness } from '../support/core-harness.ts';

const CLIENT_CACHE_SECONDS = 6;

let h: Harness;

beforeAll(async () => {
  h = await startCore();
});
afterAll(() => h?.close());

async function makeApp(name = 'Notes') {
  const dev = await makeActor(h.runtime.db);
  const team = await makeTeam(h.runtime.db, dev);
  const { client } = await makeTeamClient(h.runtime.db, dev, team.id, { name, type: 'web', redirectUris: ['https://notes.example.com/cb'] });
  return { dev, team, client };
}

async function consentView(clientId: string) {
  const user = await makeActor(h.runtime.db);
  const params = new URLSearchParams({
    client_id: clientId, redirect_uri: 'https://notes.example.com/cb', response_type: 'code', scope: 'openid', code_challenge: CHALLENGE, code_challenge_method: 'S256',
  });
  const res = await call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: { cookie: await sessionCookie(h, user.userId) } });
  const interaction = new URL(res.headers.get('location')!, h.config.issuer).searchParams.get('interaction')!;
  return h.runtime.provider.interactions.describe(interaction, user.userId);
}

describe('setClientVerified (operator)', () => {
  it('verifies and unverifies once each, auditing each change as the operator', async () => {
    const { client, team } = await makeApp();
    expect(await setClientVerified(h.runtime.db, client.id, true)).toEqual({ id: client.id, name: 'Notes', verified: true, changed: true });
    expect(await setClientVerified(h.runtime.db, client.id, true)).toMatchObject({ verified: true, changed: false });
    expect((await h.runtime.db.client.findUniqueOrThrow({ where: { id: client.id } })).verified).toBe(true);
    expect(await setClientVerified(h.runtime.db, client.id, false)).toMatchObject({ verified: false, changed: true });

    expect(await auditActions(h.runtime.db, { clientId: client.id })).toEqual(['client.created', 'client.verified', 'client.unverified']);
    const events = await h.runtime.db.auditEvent.findMany({ where: { clientId: client.id, action: { in: ['client.verified', 'client.unverified'] } } });
    expect(events.every((e) => e.actorUserId === null && e.teamId === team.id)).toBe(true);
  });

  it('refuses an unknown or implausible client id without writing anything', async () => {
    const before = await h.runtime.db.auditEvent.count();
    await expect(setClientVerified(h.runtime.db, 'no-such-app', true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setClientVerified(h.runtime.db, 'x'.repeat(300), true)).rejects.toBeInstanceOf(NotFoundError);
    expect(await h.runtime.db.auditEvent.count()).toBe(before);
  });
});

describe('interactions.describe', () => {
  it('tells the consent screen whether the operator verified the app', async () => {
    const { client } = await makeApp();
    expect((await consentView(client.id))?.client.verified).toBe(false);
    await setClientVerified(h.runtime.db, client.id, true);
    h.clock.advance(CLIENT_CACHE_SECONDS);
    expect((await consentView(client.id))?.client.verified).toBe(true);
    await setClientVerified(h.runtime.db, client.id, false);
    h.clock.advance(CLIENT_CACHE_SECONDS);
    expect((await consentView(client.id))?.client.verified).toBe(false);
  });
});

describe('REST API (/api/v1)', () => {
  const api = () => createApi({ db: h.runtime.db, clock: () => h.clock.now, issuer: h.config.issuer });
  const send = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await api()(
      new Request(new URL(path, h.config.issuer), {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      }),
    );
    return { status: res.status, body: JSON.parse(res.body ?? 'null') as Record<string, unknown> };
  };

  it('shows verified read-only: a PATCH or POST with verified: true is ignored like any unknown field', async () => {
    const { dev, client } = await makeApp();
    await h.runtime.db.user.update({ where: { id: dev.userId }, data: { emailVerified: true } }); // only confirmed accounts have tokens
    const { secret: token } = await createPersonalAccessToken(h.runtime.db, dev, { name: 'ci', scopes: ['clients:read', 'clients:write'], expiresInDays: 1 });

    expect(await send(token, 'GET', `/api/v1/clients/${client.id}`)).toMatchObject({ status: 200, body: { verified: false } });

    const onlyVerified = await send(token, 'PATCH', `/api/v1/clients/${client.id}`, { verified: true });
    expect(onlyVerified).toMatchObject({ status: 200, body: { verified: false } });
    const withRename = await send(token, 'PATCH', `/api/v1/clients/${client.id}`, { client_name: 'Notes 2', verified: true });
    expect(withRename).toMatchObject({ status: 200, body: { client_name: 'Notes 2', verified: false } });
    const created = await send(token, 'POST', '/api/v1/clients', { client_name: 'Sneaky', redirect_uris: ['https://sneaky.example.com/cb'], verified: true });
    expect(created).toMatchObject({ status: 201, body: { verified: false } });

    const rows = await h.runtime.db.client.findMany({ where: { id: { in: [client.id, String(created.body.client_id)] } } });
    expect(rows.map((r) => r.verified)).toEqual([false, false]);
    expect(await auditActions(h.runtime.db, { clientId: client.id })).not.toContain('client.verified');

    await setClientVerified(h.runtime.db, client.id, true);
    expect(await send(token, 'GET', `/api/v1/clients/${client.id}`)).toMatchObject({ body: { verified: true } });
    const list = await send(token, 'GET', '/api/v1/clients');
    expect((list.body.clients as { client_id: string; verified: boolean }[]).find((c) => c.client_id === client.id)?.verified).toBe(true);
    // Nor can a PATCH take it away.
    expect(await send(token, 'PATCH', `/api/v1/clients/${client.id}`, { verified: false })).toMatchObject({ status: 200, body: { verified: true } });
  });

  it('documents verified in the OpenAPI response schema only', async () => {
    const res = await api()(new Request(new URL('/api/v1/openapi.json', h.config.issuer)));
    const { components } = JSON.parse(res.body!) as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    expect(components.schemas.Client!.properties).toHaveProperty('verified');
    expect(components.schemas.ClientUpdate!.properties).not.toHaveProperty('verified');
    expect(components.schemas.ClientRegistration!.properties).not.toHaveProperty('verified');
  });
});

describe('dynamic registration (RFC 7591 / 7592)', () => {
  it('answers verified: false and ignores a verified: true on register and on update', async () => {
    const port = createRegistrationPort(h.runtime.db);
    const metadata = { client_name: 'Registered', redirect_uris: ['https://rp.example.com/cb'], verified: true };
    const registered = await port.register(metadata, `hash-${Date.now()}`);
    expect(registered.verified).toBe(false);
    const clientId = String(registered.client_id);
    expect((await port.update(clientId, { ...metadata, client_name: 'Registered 2' })).verified).toBe(false);
    expect((await h.runtime.db.client.findUniqueOrThrow({ where: { id: clientId } })).verified).toBe(false);

    // An operator-verified registered client stays verified through an RFC 7592 update.
    await setClientVerified(h.runtime.db, clientId, true);
    expect((await port.update(clientId, { ...metadata, verified: false })).verified).toBe(true);
  });
});
