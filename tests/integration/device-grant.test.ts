/**
 * The OAuth 2.0 Device Authorization Grant (RFC 8628) against the real server on SQLite and
 * PostgreSQL: the device authorization endpoint, every answer of the token endpoint while the
 * device polls, and the user's decision through the account use case the /device page calls (the
 * page itself lives in the Next build, which these tests do not rebuild). Time is moved by
 * back-dating the rows the server reads (lastPolledAt, expiresAt), as the server's clock is real.
 */
import { encode } from 'next-auth/jwt';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { makeClient, makeUser, openDb } from '../support/fixtures.ts';
import { startServer, TEST_SECRET, type RunningServer } from '../support/server.ts';
import { decideDeviceAuthorization } from '@/lib/account/decide-device-authorization.ts';
import { findDeviceAuthorization } from '@/lib/account/find-device-authorization.ts';
import { listConnectedApps } from '@/lib/account/list-connected-apps.ts';
import { revokeAppAccess } from '@/lib/account/revoke-app-access.ts';
import { createSessionValidityCheck, startUserSession } from '@/lib/account/user-sessions.ts';
import { createSessionPort } from '@/lib/auth/session-port.ts';
import { deleteExpired } from '@/lib/db/cleanup.ts';
import type { Db } from '@/lib/db/client.ts';
import { closeHotStore } from '@/lib/db/hot/index.ts';
import { createStores } from '@/lib/db/stores/index.ts';
import { acrOf } from '@/lib/oidc/acr.ts';
import { createDeviceAuthorizations, deviceGrantId, type DeviceAuthorizations } from '@/lib/oidc/device-authorizations.ts';
import { DEVICE_CODE_GRANT } from '@/lib/oidc/device-codes.ts';
import { sha256 } from '@/lib/oidc/tokens.ts';
import { createLimiter } from '@/lib/rate-limit/limiter.ts';

const INITIAL_TOKEN = 'initial-access-token-device-0123456789abcdef';
const SCOPE = 'openid profile email offline_access';
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

type Client = { id: string; secret: string | null };
type DeviceResponse = {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
};

describe.each(DATABASES)('device authorization grant (RFC 8628) on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let db: Db;
  let user: { id: string; email: string };
  let tv: Client;
  let other: Client;
  let plain: Client;
  let devices: DeviceAuthorizations;
  let cookie: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startServer(database, { PORTICO_REGISTRATION_TOKEN: INITIAL_TOKEN });
    db = await openDb(database.url);
    user = await makeUser(db, `dana-${kind}@example.com`);
    const grantTypes = ['authorization_code', 'refresh_token', DEVICE_CODE_GRANT] as const;
    tv = await makeClient(db, { name: 'Living Room TV', type: 'web', redirectUris: ['https://tv.example.com/cb'], grantTypes: [...grantTypes] });
    other = await makeClient(db, { name: 'Other Console', type: 'web', redirectUris: ['https://console.example.com/cb'], grantTypes: [...grantTypes] });
    plain = await makeClient(db, { name: 'Plain Web', type: 'web', redirectUris: ['https://plain.example.com/cb'] });
    // RFC 8707: two APIs any app may ask for with the user's consent.
    await db.apiResource.create({ data: { id: `api_tv_${kind}`, identifier: 'https://api.example.com/', name: 'TV API', tokenFormat: 'opaque', openAccess: true } });
    await db.apiResource.create({ data: { id: `api_printer_${kind}`, identifier: 'urn:example:printer', name: 'Printer', openAccess: true } });
    // What the Next process builds for the /device page (lib/server/runtime.ts), on the same database.
    const session = createSessionPort({ secret: `${TEST_SECRET}:session`, secureCookies: false, isSessionValid: createSessionValidityCheck(db) });
    devices = createDeviceAuthorizations({ stores: createStores(db), clock: () => new Date(), session });
    cookie = await sessionCookie(user.id, ['pwd', 'otp', 'mfa']);
  });

  afterAll(async () => {
    if (db) await closeHotStore(db);
    await db?.$disconnect();
    await server?.stop();
    await database?.drop();
  });

  /** A browser session as a sign-in makes it (lib/auth/options.ts): a UserSession row and the next-auth cookie. */
  async function sessionCookie(userId: string, amr: string[]): Promise<string> {
    const sid = await startUserSession(db, { userId, amr });
    const token = await encode({ token: { sub: userId, authTime: Math.floor(Date.now() / 1000), sid, amr }, secret: `${TEST_SECRET}:session` });
    return `next-auth.session-token=${token}`;
  }

  const post = (path: string, body: Record<string, string> | URLSearchParams, client: Client | null) =>
    fetch(`${server.issuer}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(client?.secret ? { authorization: basic(client.id, client.secret) } : {}) },
      body: client && !client.secret ? new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(body)), client_id: client.id }) : new URLSearchParams(body),
    });

  async function startDevice(client: Client = tv, body: Record<string, string> | URLSearchParams = { scope: SCOPE }): Promise<DeviceResponse> {
    const res = await post('/oauth/device_authorization', body, client);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as DeviceResponse;
  }

  async function poll(deviceCode: string, client: Client = tv) {
    const res = await post('/oauth/token', { grant_type: DEVICE_CODE_GRANT, device_code: deviceCode }, client);
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
  }

  const decide = (userCode: string, decision: 'approve' | 'deny' = 'approve', cookieHeader: string | null = cookie) =>
    decideDeviceAuthorization(
      { db, devices },
      { request: new Request(`${server.issuer}/device`, { method: 'POST', headers: cookieHeader ? { cookie: cookieHeader } : {} }), ip: null, userCode, decision },
    );

  const row = (deviceCode: string) => db.deviceAuthorization.findUniqueOrThrow({ where: { deviceCodeHash: sha256(deviceCode) } });
  const backdate = (deviceCode: string, field: 'lastPolledAt' | 'expiresAt', secondsAgo: number) =>
    db.deviceAuthorization.update({ where: { deviceCodeHash: sha256(deviceCode) }, data: { [field]: new Date(Date.now() - secondsAgo * 1000) } });

  it('publishes the device authorization endpoint and the grant type (RFC 8628 §4)', async () => {
    const meta = await (await fetch(`${server.issuer}/.well-known/openid-configuration`)).json();
    expect(meta.device_authorization_endpoint).toBe(`${server.issuer}/oauth/device_authorization`);
    expect(meta.grant_types_supported).toContain(DEVICE_CODE_GRANT);
    const rfc8414 = await (await fetch(`${server.issuer}/.well-known/oauth-authorization-server`)).json();
    expect(rfc8414.device_authorization_endpoint).toBe(meta.device_authorization_endpoint);
  });

  it('answers with a device code, a user code, the verification URIs, expires_in and interval (§3.2), storing only hashes', async () => {
    const res = await post('/oauth/device_authorization', { scope: 'openid email' }, tv);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as DeviceResponse;
    expect(body.device_code).toMatch(/^dc_[A-Za-z0-9_-]{43}$/);
    expect(body.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    expect(body).toMatchObject({
      verification_uri: `${server.issuer}/device`,
      verification_uri_complete: `${server.issuer}/device?user_code=${body.user_code}`,
      expires_in: 600,
      interval: 5,
    });
    const stored = await row(body.device_code);
    expect(stored).toMatchObject({ clientId: tv.id, scope: 'openid email', resources: null, status: 'pending', interval: 5, lastPolledAt: null, userId: null });
    expect(stored.userCodeHash).toBe(sha256(body.user_code.replace('-', '')));
    expect(JSON.stringify(stored)).not.toContain(body.device_code);
    expect(JSON.stringify(stored)).not.toContain(body.user_code.replace('-', ''));
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(600_000);
  });

  it('checks the requested resources (RFC 8707) and keeps them for the token', async () => {
    const body = new URLSearchParams([['scope', 'openid'], ['resource', 'https://api.example.com/'], ['resource', 'urn:example:printer']]);
    const { device_code, user_code } = await startDevice(tv, body);
    expect((await row(device_code)).resources).toBe('https://api.example.com/ urn:example:printer');
    // The approval page names both APIs (RFC 8707), as the consent screen does.
    const described = await devices.describe(user_code);
    expect(described.status === 'pending' && described.view.apis.map((a) => a.name)).toEqual(['TV API', 'Printer']);
    const unknown = await post('/oauth/device_authorization', { scope: 'openid', resource: 'https://unknown.example.com/' }, tv);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toBe('invalid_target');
  });

  it('refuses bad device authorization requests with RFC 6749 §5.2 JSON, never a 500', async () => {
    const cases: [Record<string, string> | URLSearchParams, Client | null, number, string][] = [
      [{ scope: 'openid' }, { id: tv.id, secret: 'cs_wrong' }, 401, 'invalid_client'],
      [{ scope: 'openid' }, null, 401, 'invalid_client'],
      [{ scope: 'openid' }, plain, 400, 'unauthorized_client'],
      [{ scope: 'openid admin:everything' }, tv, 400, 'invalid_scope'],
      [{ scope: 'openid', resource: 'api/relative' }, tv, 400, 'invalid_target'],
      [{ scope: 'openid', resource: 'https://api.example.com/#frag' }, tv, 400, 'invalid_target'],
      [new URLSearchParams([['scope', 'openid'], ['scope', 'email']]), tv, 400, 'invalid_request'],
    ];
    for (const [body, client, status, error] of cases) {
      const res = await post('/oauth/device_authorization', body, client);
      expect(res.status, `${error}: ${body.toString()}`).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await res.json()) as { error: string }).error).toBe(error);
    }
    const get = await fetch(`${server.issuer}/oauth/device_authorization`);
    expect(get.status).toBe(405);
    expect((await get.json()).error).toBe('invalid_request');
  });

  it('answers authorization_pending, then slow_down for a poll within the interval, raising it by 5 seconds each time (§3.5)', async () => {
    const { device_code } = await startDevice();
    expect(await poll(device_code)).toMatchObject({ status: 400, body: { error: 'authorization_pending' } });
    expect((await row(device_code)).lastPolledAt).not.toBeNull();

    expect(await poll(device_code)).toMatchObject({ status: 400, body: { error: 'slow_down' } });
    expect((await row(device_code)).interval).toBe(10);

    // 7 s after the last poll: enough for the first interval (5 s), not for the raised one (10 s).
    await backdate(device_code, 'lastPolledAt', 7);
    expect(await poll(device_code)).toMatchObject({ status: 400, body: { error: 'slow_down' } });
    expect((await row(device_code)).interval).toBe(15);

    await backdate(device_code, 'lastPolledAt', 16);
    expect(await poll(device_code)).toMatchObject({ status: 400, body: { error: 'authorization_pending' } });
    expect((await row(device_code)).interval).toBe(15);
  });

  it('refuses a missing, unknown or other client\'s device code, and clients without the grant', async () => {
    const { device_code } = await startDevice();
    expect(await poll(device_code, other)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(await poll('dc_not-a-real-device-code')).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const missing = await post('/oauth/token', { grant_type: DEVICE_CODE_GRANT }, tv);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toBe('invalid_request');
    expect(await poll(device_code, plain)).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } });
    // None of that counted as the right client's poll.
    expect((await row(device_code)).lastPolledAt).toBeNull();
  });

  it('approved through the account use case: tokens once, with an ID token carrying the sign-in, a refresh token, and working at userinfo', async () => {
    const { device_code, user_code } = await startDevice(tv, new URLSearchParams([['scope', SCOPE], ['resource', 'https://api.example.com/']]));
    // As typed by a person: lower case, no dash.
    const decided = await decide(user_code.toLowerCase().replace('-', ''));
    expect(decided).toMatchObject({ status: 'approved', userId: user.id, client: { id: tv.id, name: 'Living Room TV' } });

    const stored = await row(device_code);
    expect(stored).toMatchObject({ status: 'approved', userId: user.id, amr: 'pwd otp mfa', acr: acrOf(['mfa']) });
    const grant = await db.grant.findUniqueOrThrow({ where: { id: deviceGrantId(stored.deviceCodeHash) } });
    expect(grant).toMatchObject({ clientId: tv.id, userId: user.id, scope: SCOPE, resources: 'https://api.example.com/', sid: stored.sid, revokedAt: null });
    const consent = await db.consent.findUniqueOrThrow({ where: { userId_clientId: { userId: user.id, clientId: tv.id } } });
    expect(consent.scope.split(' ').sort()).toEqual(SCOPE.split(' ').sort());
    expect(consent.resources).toBe('https://api.example.com/');
    expect(await db.auditEvent.count({ where: { actorUserId: user.id, action: 'consent.granted', clientId: tv.id } })).toBeGreaterThan(0);

    const tokens = await poll(device_code);
    expect(tokens.status).toBe(200);
    expect(tokens.headers.get('cache-control')).toBe('no-store');
    expect(tokens.body).toMatchObject({ token_type: 'Bearer', scope: SCOPE, access_token: expect.stringMatching(/^at_/), refresh_token: expect.stringMatching(/^rt_/) });
    const jwks = createRemoteJWKSet(new URL(`${server.issuer}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(tokens.body.id_token as string, jwks, { issuer: server.issuer, audience: tv.id });
    expect(payload).toMatchObject({ sub: user.id, email: user.email, acr: acrOf(['mfa']), amr: ['pwd', 'otp', 'mfa'], sid: stored.sid, auth_time: stored.authTime });
    expect(payload.nonce).toBeUndefined();

    const seen = await post('/oauth/introspect', { token: tokens.body.access_token as string }, tv);
    expect(await seen.json()).toMatchObject({ active: true, aud: 'https://api.example.com/' });
    const info = await fetch(`${server.issuer}/oauth/userinfo`, { headers: { authorization: `Bearer ${tokens.body.access_token}` } });
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ sub: user.id, email: user.email });

    // Single use (§3.5 / RFC 6749 §5.2), and the device authorization stays consumed.
    expect(await poll(device_code)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((await row(device_code)).status).toBe('consumed');
    expect(await decide(user_code)).toEqual({ status: 'used' });

    // The refresh token works like any other; the app is among the user's connected apps.
    const refreshed = await post('/oauth/token', { grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token as string }, tv);
    expect(refreshed.status).toBe(200);
    expect((await listConnectedApps(db, { userId: user.id })).map((a) => a.clientId)).toContain(tv.id);
  });

  it('gives the tokens to exactly one of two racing polls', async () => {
    const { device_code, user_code } = await startDevice(tv, { scope: 'openid' });
    expect((await decide(user_code)).status).toBe('approved');
    const answers = await Promise.all([poll(device_code), poll(device_code), poll(device_code)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400]);
    for (const a of answers.filter((x) => x.status === 400)) expect(a.body.error).toBe('invalid_grant');
    const issued = answers.find((a) => a.status === 200)!.body;
    expect(issued.refresh_token).toBeUndefined(); // no offline_access
    expect(issued.id_token).toEqual(expect.any(String));
  });

  it('denied: access_denied to the device, and the code cannot be decided again', async () => {
    const { device_code, user_code } = await startDevice(tv, { scope: 'openid email' });
    expect(await decide(user_code, 'deny')).toMatchObject({ status: 'denied', userId: user.id });
    expect(await poll(device_code)).toMatchObject({ status: 400, body: { error: 'access_denied' } });
    expect(await poll(device_code)).toMatchObject({ status: 400, body: { error: 'access_denied' } });
    expect(await decide(user_code, 'approve')).toEqual({ status: 'used' });
    expect(await db.grant.count({ where: { id: deviceGrantId(sha256(device_code)) } })).toBe(0);
    expect(await db.auditEvent.count({ where: { actorUserId: user.id, action: 'consent.denied', clientId: tv.id } })).toBeGreaterThan(0);
  });

  it('expired: expired_token to the device, and the page says the code has expired', async () => {
    const pending = await startDevice(tv, { scope: 'openid' });
    await backdate(pending.device_code, 'expiresAt', 1);
    expect(await poll(pending.device_code)).toMatchObject({ status: 400, body: { error: 'expired_token' } });
    expect(await devices.describe(pending.user_code)).toEqual({ status: 'expired' });
    expect(await decide(pending.user_code)).toEqual({ status: 'expired' });
    expect((await row(pending.device_code)).status).toBe('pending');

    // Approved, but the device came back too late.
    const late = await startDevice(tv, { scope: 'openid' });
    expect((await decide(late.user_code)).status).toBe('approved');
    await backdate(late.device_code, 'expiresAt', 1);
    expect(await poll(late.device_code)).toMatchObject({ status: 400, body: { error: 'expired_token' } });
  });

  it('yields no tokens once the user revoked the app between approving and the device\'s poll', async () => {
    const revokable = await makeClient(db, { name: 'Revokable Stick', type: 'web', redirectUris: ['https://stick.example.com/cb'], grantTypes: ['authorization_code', DEVICE_CODE_GRANT] });
    const { device_code, user_code } = await startDevice(revokable, { scope: 'openid' });
    expect((await decide(user_code)).status).toBe('approved');
    await revokeAppAccess(db, { userId: user.id }, revokable.id);
    expect(await poll(device_code, revokable)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('the page\'s look-up and decision: codes as typed, problems named, wrong codes rate-limited per IP (§5.1), no decision without a session', async () => {
    const { user_code } = await startDevice(tv, { scope: 'openid email' });
    const found = await devices.describe(` ${user_code.toLowerCase()} `);
    expect(found).toMatchObject({ status: 'pending', view: { userCode: user_code, client: { id: tv.id, name: 'Living Room TV', verified: false } } });
    if (found.status !== 'pending') throw new Error('unreachable');
    expect(found.view.scopes.map((s) => s.name)).toEqual(['openid', 'email']);
    expect(await devices.describe('BCDF-GHJ')).toEqual({ status: 'unknown' });

    const limiter = createLimiter({ name: `device-test-${kind}`, points: 3, durationSeconds: 60 }, { kind: 'memory' });
    const ip = '198.51.100.7';
    const lookUp = (userCode: string) => findDeviceAuthorization({ devices, limiter }, { userCode, ip });
    expect((await lookUp('BCDF-GHJK')).status).toBe('unknown');
    expect((await lookUp('nonsense')).status).toBe('unknown');
    // A right code gives its point back.
    expect((await lookUp(user_code)).status).toBe('pending');
    expect((await lookUp(user_code)).status).toBe('pending');
    expect((await lookUp('BCDF-GHJL')).status).toBe('unknown');
    const refused = await lookUp(user_code);
    expect(refused).toMatchObject({ status: 'rate_limited', retryAfterSeconds: expect.any(Number) });
    // Other addresses are not affected; deciding counts against the same budget.
    expect((await findDeviceAuthorization({ devices, limiter }, { userCode: user_code, ip: '198.51.100.8' })).status).toBe('pending');
    const blocked = await decideDeviceAuthorization(
      { db, devices, limiter },
      { request: new Request(`${server.issuer}/device`, { headers: { cookie } }), ip, userCode: user_code, decision: 'approve' },
    );
    expect(blocked.status).toBe('rate_limited');

    expect(await decide(user_code, 'approve', null)).toEqual({ status: 'signed_out' });
    expect(await decide(user_code, 'approve', 'next-auth.session-token=forged')).toEqual({ status: 'signed_out' });
    expect(await devices.describe(user_code)).toMatchObject({ status: 'pending' });
  });

  it('registers a public device client (RFC 7591) that completes the grant with openid-client, then reads userinfo', async () => {
    const registered = await fetch(`${server.issuer}/oauth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${INITIAL_TOKEN}` },
      body: JSON.stringify({ client_name: 'Terminal CLI', grant_types: [DEVICE_CODE_GRANT, 'refresh_token'], token_endpoint_auth_method: 'none', scope: 'openid email' }),
    });
    expect(registered.status, await registered.clone().text()).toBe(201);
    const metadata = (await registered.json()) as { client_id: string; client_secret?: string; portico_app_type?: string };
    expect(metadata.client_secret).toBeUndefined();
    expect(metadata.portico_app_type).toBe('native');

    const config = await oidc.discovery(new URL(server.issuer), metadata.client_id, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
    const started = await oidc.initiateDeviceAuthorization(config, { scope: 'openid email' });
    expect(started.verification_uri).toBe(`${server.issuer}/device`);
    const polling = oidc.pollDeviceAuthorizationGrant(config, started);
    expect((await decide(started.user_code)).status).toBe('approved');
    const tokens = await polling;
    expect(tokens.claims()).toMatchObject({ sub: user.id, aud: metadata.client_id, email: user.email });
    expect(await oidc.fetchUserInfo(config, tokens.access_token, user.id)).toMatchObject({ sub: user.id, email: user.email });
  }, 30_000);

  it('clean-up deletes device authorizations a day past their expiry', async () => {
    const old = await startDevice(tv, { scope: 'openid' });
    const recent = await startDevice(tv, { scope: 'openid' });
    await backdate(old.device_code, 'expiresAt', 86_400 + 60);
    await backdate(recent.device_code, 'expiresAt', 60);
    await deleteExpired(db, new Date());
    expect(await db.deviceAuthorization.count({ where: { deviceCodeHash: sha256(old.device_code) } })).toBe(0);
    expect(await db.deviceAuthorization.count({ where: { deviceCodeHash: sha256(recent.device_code) } })).toBe(1);
    expect(await poll(recent.device_code)).toMatchObject({ status: 400, body: { error: 'expired_token' } });
  });
});
