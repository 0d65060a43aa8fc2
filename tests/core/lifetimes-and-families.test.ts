/**
 * The core against a real database with a controlled clock: code lifetime and single use,
 * refresh rotation and family revocation, access token expiry, key rotation windows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@/lib/portal/create-client.ts';
import { basic, call, CHALLENGE, seed, sessionCookie, startCore, VERIFIER, type Harness } from '../support/core-harness.ts';

let h: Harness;
let ctx: Awaited<ReturnType<typeof seed>>;

beforeAll(async () => {
  h = await startCore();
  ctx = await seed(h);
});
afterAll(() => h?.close());

async function authorize(extra: Record<string, string> = {}) {
  const params = new URLSearchParams({
    client_id: ctx.client.id, redirect_uri: 'https://app.example.com/cb', response_type: 'code',
    scope: 'openid email offline_access', state: 's1', nonce: 'n1', code_challenge: CHALLENGE, code_challenge_method: 'S256', ...extra,
  });
  const res = await call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: { cookie: await sessionCookie(h, ctx.user.id) } });
  expect(res.status).toBe(303);
  const location = new URL(res.headers.get('location')!);
  return location.searchParams.get('code')!;
}

const exchange = (code: string) =>
  call(h, 'token', {
    body: { grant_type: 'authorization_code', code, redirect_uri: 'https://app.example.com/cb', code_verifier: VERIFIER },
    headers: { authorization: basic(ctx.client.id, ctx.secret) },
  });

const refresh = (token: string) =>
  call(h, 'token', { body: { grant_type: 'refresh_token', refresh_token: token }, headers: { authorization: basic(ctx.client.id, ctx.secret) } });

const introspect = async (token: string) =>
  (await call(h, 'introspect', { body: { token }, headers: { authorization: basic(ctx.client.id, ctx.secret) } })).json();

describe('authorization codes', () => {
  it('expire after 60 seconds', async () => {
    const code = await authorize();
    h.clock.advance(61);
    const res = await exchange(code);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/expired/) });
  });

  it('are single use, and a replay revokes what the first use issued', async () => {
    const code = await authorize();
    const first = await exchange(code);
    expect(first.status).toBe(200);
    const tokens = await first.json();
    expect((await introspect(tokens.access_token)).active).toBe(true);
    const replay = await exchange(code);
    expect(replay.status).toBe(400);
    expect((await replay.json()).error).toBe('invalid_grant');
    expect((await introspect(tokens.access_token)).active).toBe(false);
    expect((await refresh(tokens.refresh_token)).status).toBe(400);
  });
});

describe('refresh tokens', () => {
  it('rotate on every use; reuse of a rotated token revokes the whole family', async () => {
    const t0 = await (await exchange(await authorize())).json();
    const r1 = await refresh(t0.refresh_token);
    expect(r1.status).toBe(200);
    const t1 = await r1.json();
    expect(t1.refresh_token).not.toBe(t0.refresh_token);
    expect((await introspect(t0.refresh_token)).active).toBe(false);

    const reuse = await refresh(t0.refresh_token);
    expect(await reuse.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await introspect(t1.access_token)).active).toBe(false);
    expect(await (await refresh(t1.refresh_token)).json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('may narrow but never widen the scope (RFC 6749 §6)', async () => {
    const t0 = await (await exchange(await authorize())).json();
    const narrowed = await call(h, 'token', {
      body: { grant_type: 'refresh_token', refresh_token: t0.refresh_token, scope: 'openid' },
      headers: { authorization: basic(ctx.client.id, ctx.secret) },
    });
    expect((await narrowed.json()).scope).toBe('openid');
    const t1Scope = await call(h, 'token', {
      body: { grant_type: 'refresh_token', refresh_token: t0.refresh_token, scope: 'openid profile' },
      headers: { authorization: basic(ctx.client.id, ctx.secret) },
    });
    expect((await t1Scope.json()).error).toBe('invalid_grant'); // t0 was already rotated: family revoked
  });

  it('are not spent by a request that asks for more scope', async () => {
    const t0 = await (await exchange(await authorize())).json();
    const wider = await call(h, 'token', {
      body: { grant_type: 'refresh_token', refresh_token: t0.refresh_token, scope: 'openid email offline_access profile' },
      headers: { authorization: basic(ctx.client.id, ctx.secret) },
    });
    expect((await wider.json()).error).toBe('invalid_scope');
    expect((await refresh(t0.refresh_token)).status).toBe(200);
  });

  it('stay the same when the client turned rotation off', async () => {
    await h.runtime.db.client.update({ where: { id: ctx.client.id }, data: { refreshTokenRotation: false } });
    h.clock.advance(6); // past the 5 s client cache
    try {
      const t0 = await (await exchange(await authorize())).json();
      const r1 = await (await refresh(t0.refresh_token)).json();
      const r2 = await (await refresh(t0.refresh_token)).json();
      expect(r1.refresh_token).toBe(t0.refresh_token);
      expect(r2.access_token).toBeTypeOf('string');
      expect((await introspect(r1.access_token)).active).toBe(true);
    } finally {
      await h.runtime.db.client.update({ where: { id: ctx.client.id }, data: { refreshTokenRotation: true } });
    }
  });

  it('are issued only with offline_access', async () => {
    const tokens = await (await exchange(await authorize({ scope: 'openid email' }))).json();
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.id_token).toBeTypeOf('string');
  });
});

describe('access tokens', () => {
  it('stop being active when they expire', async () => {
    const tokens = await (await exchange(await authorize())).json();
    expect(tokens.expires_in).toBe(3600);
    h.clock.advance(3599);
    expect((await introspect(tokens.access_token)).active).toBe(true);
    h.clock.advance(2);
    expect((await introspect(tokens.access_token)).active).toBe(false);
  });
});

describe('disabled apps', () => {
  it('lose their tokens at once (within the client cache window)', async () => {
    const api = await createClient(h.runtime.db, { name: 'Resource server', type: 'service', redirectUris: [] });
    // RFC 7662 §4: the API's own server may introspect the tokens issued for it.
    const identifier = 'https://api.example.com/lifetimes';
    await h.runtime.db.apiResource.create({ data: { id: 'api_lifetimes', identifier, name: 'API', openAccess: true, servers: { create: [{ clientId: api.client.id }] } } });
    await h.runtime.stores.consents.grant(ctx.user.id, ctx.client.id, [], [], [identifier]);
    await new Promise((r) => setTimeout(r, 300)); // APIs are re-read within 250 ms
    const tokens = await (await exchange(await authorize({ resource: identifier }))).json();
    const asApi = async () =>
      (await (await call(h, 'introspect', { body: { token: tokens.access_token }, headers: { authorization: basic(api.client.id, api.clientSecret!) } })).json()).active;
    expect(await asApi()).toBe(true);
    await h.runtime.db.client.update({ where: { id: ctx.client.id }, data: { disabled: true } });
    h.clock.advance(6);
    try {
      expect(await asApi()).toBe(false);
      const info = await call(h, 'userinfo', { headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(info.status).toBe(401);
    } finally {
      await h.runtime.db.client.update({ where: { id: ctx.client.id }, data: { disabled: false } });
      h.clock.advance(6);
    }
  });
});

describe('signing key rotation', () => {
  const kids = async () => (await (await call(h, 'jwks', {})).json()).keys.map((k: { kid: string }) => k.kid) as string[];
  const signingKid = async () => {
    const jwt = await h.runtime.provider.keys.sign({ sub: 'x' }, 'RS256');
    return JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString()).kid as string;
  };

  it('publishes a new key first and signs with it only after every instance can have published it', async () => {
    const before = await kids();
    expect(before).toHaveLength(3);
    const signedBefore = await signingKid();
    const { kids: added, activatesAt } = await h.runtime.provider.keys.rotate(3600);
    const delay = h.runtime.provider.keys.activationDelaySeconds;
    expect(activatesAt.getTime() - h.clock.now.getTime()).toBe(delay * 1000);
    // Pending: published at once, the old key still signs.
    expect(await kids()).toEqual(expect.arrayContaining([...before, ...added]));
    expect(await signingKid()).toBe(signedBefore);
    h.clock.advance(delay - 1);
    expect(await signingKid()).toBe(signedBefore);
    h.clock.advance(1);
    const signedAfter = await signingKid();
    expect(added).toContain(signedAfter);
    // Retiring: the replaced key stays published until its tokens have expired.
    expect(await kids()).toEqual(expect.arrayContaining([...before, ...added]));
  });

  it('keeps the previous public keys published until their tokens have expired, then prunes them', async () => {
    const before = await kids();
    const { kids: added } = await h.runtime.provider.keys.rotate(3600);
    h.clock.advance(h.runtime.provider.keys.activationDelaySeconds + 3601);
    await h.runtime.provider.keys.rotate(3600);
    const after = await kids();
    const retired = before.filter((kid) => !added.includes(kid));
    for (const kid of retired) expect(after).not.toContain(kid);
    expect(after).toEqual(expect.arrayContaining(added));
  });
});
