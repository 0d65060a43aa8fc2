/**
 * Back-Channel Logout 1.0 over real HTTP: a relying party's endpoint on 127.0.0.1 receives the
 * logout token when the user's session ends (end-session) and when the user revokes its access.
 * Loopback is never a logout target on its own: the test allow-lists the endpoint's host:port as
 * an operator would (PORTICO_OUTBOUND_ALLOWED_HOSTS).
 */
import { decode } from 'next-auth/jwt';
import { createServer, type Server } from 'node:http';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { call, CHALLENGE, sessionCookie, startCore, type Harness } from '../support/core-harness.ts';
import { fetchEndpoint } from '@/lib/oidc/http/message.ts';

let h: Harness;
let rp: Server;
const received: string[] = [];
let user: { id: string };
let clientId: string;

beforeAll(async () => {
  rp = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push(new URLSearchParams(body).get('logout_token') ?? '');
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => rp.listen(0, '127.0.0.1', r));
  const port = (rp.address() as { port: number }).port;
  h = await startCore({ PORTICO_OUTBOUND_ALLOWED_HOSTS: `127.0.0.1:${port}` });
  user = await createUser(h.runtime.db, { email: 'bcl@example.com', password: 'correct horse battery' });
  const created = await createClient(h.runtime.db, { name: 'Logout RP', type: 'web', redirectUris: ['https://rp.example.com/cb'] });
  clientId = created.client.id;
  await h.runtime.db.client.update({ where: { id: clientId }, data: { backchannelLogoutUri: `http://127.0.0.1:${port}/backchannel-logout` } });
  await h.runtime.stores.consents.grant(user.id, clientId, ['openid']);
});
afterAll(async () => {
  rp?.close();
  await h?.close();
});

async function nextLogoutToken(): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  const token = received.shift();
  expect(token).toBeTruthy();
  const header = decodeProtectedHeader(token!);
  expect(header.typ).toBe('logout+jwt');
  const jwk = await h.runtime.provider.keys.publicKey(header.kid!);
  const { payload } = await compactVerify(token!, await importJWK(jwk!, header.alg));
  return JSON.parse(new TextDecoder().decode(payload));
}

describe('back-channel logout', () => {
  it('tells the app when the user signs out of the session it got a grant in', async () => {
    const cookie = await sessionCookie(h, user.id);
    const params = new URLSearchParams({ client_id: clientId, redirect_uri: 'https://rp.example.com/cb', response_type: 'code', scope: 'openid', code_challenge: CHALLENGE, code_challenge_method: 'S256' });
    const authorized = await call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: { cookie } });
    expect(new URL(authorized.headers.get('location')!).searchParams.get('code')).toBeTruthy();

    const out = await call(h, 'endSession', { path: '/oauth/end-session', body: { confirm: 'yes' }, headers: { cookie } });
    expect(out.status).toBe(303);
    const claims = await nextLogoutToken();
    const sid = (await decode({ token: cookie.split('=')[1], secret: h.config.sessionSecret }))?.sid;
    const session = await h.runtime.db.userSession.findUniqueOrThrow({ where: { id: String(sid) } });
    // RP-Initiated Logout ends the session server-side: a copy of the cookie no longer works.
    expect(session.endedAt).not.toBeNull();
    expect(await fetchEndpoint(h.runtime.provider.endpoints.authorize)(new Request(new URL(`/oauth/authorize?${params}`, h.config.issuer), { headers: { cookie } })).then((r) => new URL(r.headers.get('location')!, h.config.issuer).pathname)).toBe('/login');
    expect(claims).toMatchObject({ iss: h.config.issuer, aud: clientId, sub: user.id, sid: session.id, events: { 'http://schemas.openid.net/event/backchannel-logout': {} } });
    expect(claims.nonce).toBeUndefined();
    expect(claims.jti).toBeTypeOf('string');
  });

  it('tells the app when the user revokes its access, without a sid', async () => {
    await h.runtime.provider.logout.accessRevoked(user.id, clientId);
    const claims = await nextLogoutToken();
    expect(claims).toMatchObject({ aud: clientId, sub: user.id });
    expect(claims.sid).toBeUndefined();
  });

  it('does not fail the sign-out when the app is unreachable', async () => {
    await h.runtime.db.client.update({ where: { id: clientId }, data: { backchannelLogoutUri: 'http://127.0.0.1:9/unreachable' } });
    h.clock.advance(6); // past the client cache
    await expect(h.runtime.provider.logout.accessRevoked(user.id, clientId)).resolves.toBeUndefined();
  });
});
