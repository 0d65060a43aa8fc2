/**
 * JWT client authentication (RFC 7523 §2.2 and §3, OIDC Core §9) against the in-process core on
 * SQLite and PostgreSQL. openid-client 6 authenticates with PrivateKeyJwt (inline jwks, and a
 * jwks_uri served on 127.0.0.1 that the operator allow-listed) and ClientSecretJwt through a
 * code flow, client_credentials, introspection and revocation; raw requests carry the
 * assertions that must be refused (replay, expiry, audience, iss/sub, alg, keys, mixed methods),
 * each an invalid_client 401 (or invalid_request 400 for mixed methods) that never says whether
 * the client exists.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { sealClientSecret } from '@/lib/crypto/client-secret-seal.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { basic, call, CHALLENGE, sessionCookie, startCore, VERIFIER, type Harness } from '../support/core-harness.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { discoverInProcess } from '../support/in-process-fetch.ts';

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const REDIRECT = 'https://rp.example.com/cb';
const GRANTS = JSON.stringify(['authorization_code', 'refresh_token', 'client_credentials']);

type KeyPair = { privateKey: CryptoKey; publicJwk: JWK };

async function keyPair(alg: string, kid?: string): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), ...(kid ? { kid } : {}) } };
}

/** A JWKS endpoint on 127.0.0.1 whose key set the test changes, counting the fetches it answers. */
async function jwksServer(): Promise<{ server: Server; port: number; url: string; keys: JWK[]; hits: () => number }> {
  const state = { keys: [] as JWK[], hits: 0 };
  const server = createServer((_req, res) => {
    state.hits++;
    res.writeHead(200, { 'content-type': 'application/jwk-set+json', 'cache-control': 'max-age=600' }).end(JSON.stringify({ keys: state.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server, port, url: `http://127.0.0.1:${port}/jwks.json`,
    get keys() { return state.keys; },
    set keys(keys: JWK[]) { state.keys = keys; },
    hits: () => state.hits,
  };
}

describe.each(DATABASES)('client assertions (private_key_jwt, client_secret_jwt) on %s', (kind) => {
  let database: TestDatabase;
  let h: Harness;
  let jwks: Awaited<ReturnType<typeof jwksServer>>;
  let trap: Awaited<ReturnType<typeof jwksServer>>;
  let user: { id: string };
  let cookie: string;
  /** private_key_jwt with an inline jwks (ES256 "es-1", and RS256 without kid). */
  let inline: { id: string; es: KeyPair; rs: KeyPair };
  /** private_key_jwt with a jwks_uri on the allow-listed server (Ed25519 "ed-1"). */
  let remote: { id: string; ed: KeyPair };
  /** client_secret_jwt. */
  let hmac: { id: string; secret: string };
  /** client_secret_basic, the default for web apps. */
  let plain: { id: string; secret: string };
  /** private_key_jwt whose jwks_uri is a loopback address nobody allow-listed. */
  let inward: { id: string; key: KeyPair };

  async function webClient(name: string, data: Record<string, unknown>) {
    const created = await createClient(h.runtime.db, { name, type: 'web', redirectUris: [REDIRECT] });
    await h.runtime.db.client.update({ where: { id: created.client.id }, data: { grantTypes: GRANTS, ...data } });
    await h.runtime.stores.consents.grant(user.id, created.client.id, ['openid', 'profile', 'email', 'offline_access']);
    return { id: created.client.id, secret: created.clientSecret! };
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    jwks = await jwksServer();
    trap = await jwksServer();
    h = await startCore({ DATABASE_URL: database.url, PORTICO_OUTBOUND_ALLOWED_HOSTS: `127.0.0.1:${jwks.port}` });
    user = await createUser(h.runtime.db, { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' });
    cookie = await sessionCookie(h, user.id);

    const es = await keyPair('ES256', 'es-1');
    const rs = await keyPair('RS256');
    inline = { ...(await webClient('Inline keys', { tokenEndpointAuthMethod: 'private_key_jwt', jwks: JSON.stringify({ keys: [es.publicJwk, rs.publicJwk] }) })), es, rs };

    const ed = await keyPair('Ed25519', 'ed-1');
    jwks.keys = [ed.publicJwk];
    remote = { ...(await webClient('Remote keys', { tokenEndpointAuthMethod: 'private_key_jwt', jwksUri: jwks.url })), ed };

    hmac = await webClient('HMAC', { tokenEndpointAuthMethod: 'client_secret_jwt' });
    // What creation does for a client_secret_jwt client (lib/portal/seal-client-secret.ts).
    await h.runtime.db.clientSecret.updateMany({ where: { clientId: hmac.id }, data: { sealed: sealClientSecret(hmac.secret, h.config.secret) } });

    plain = await webClient('Basic', {});

    const key = await keyPair('ES256', 'in-1');
    trap.keys = [key.publicJwk];
    inward = { ...(await webClient('Inward keys', { tokenEndpointAuthMethod: 'private_key_jwt', jwksUri: trap.url })), key };
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
    jwks?.server.close();
    trap?.server.close();
  });

  const now = () => Math.floor(h.clock.now.getTime() / 1000);

  /** A client assertion as RFC 7523 §3 describes it, with `claims` and `header` overriding the defaults. */
  function assertion(clientId: string, key: CryptoKey | Uint8Array, alg: string, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) {
    const t = now();
    return new SignJWT({ iss: clientId, sub: clientId, aud: h.config.issuer, jti: randomUUID(), iat: t, exp: t + 60, ...claims })
      .setProtectedHeader({ alg, ...header })
      .sign(key);
  }

  const secretKey = (secret: string) => new TextEncoder().encode(secret);

  async function tokenRequest(client_assertion: string, extra: Record<string, string> = {}, headers: Record<string, string> = {}) {
    const res = await call(h, 'token', { path: '/oauth/token', body: { grant_type: 'client_credentials', client_assertion_type: JWT_BEARER, client_assertion, ...extra }, headers });
    return { status: res.status, body: await res.json() };
  }

  async function refused(client_assertion: string, extra: Record<string, string> = {}) {
    const res = await tokenRequest(client_assertion, extra);
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
    return res.body.error_description as string;
  }

  async function codeFlow(config: oidc.Configuration) {
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT, scope: 'openid email offline_access', state: 'st', code_challenge: CHALLENGE, code_challenge_method: 'S256',
    });
    const res = await call(h, 'authorize', { path: url.pathname + url.search, headers: { cookie } });
    expect(res.status).toBe(303);
    return oidc.authorizationCodeGrant(config, new URL(res.headers.get('location')!), { pkceCodeVerifier: VERIFIER, expectedState: 'st' });
  }

  it('openid-client PrivateKeyJwt (inline jwks, ES256 with kid): code flow, refresh, introspection and revocation', async () => {
    const config = await discoverInProcess(h, inline.id, oidc.PrivateKeyJwt({ key: inline.es.privateKey, kid: 'es-1' }));
    const tokens = await codeFlow(config);
    expect(tokens.claims()).toMatchObject({ sub: user.id, aud: inline.id });
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.access_token).toBeTruthy();
    expect(await oidc.tokenIntrospection(config, refreshed.access_token)).toMatchObject({ active: true, client_id: inline.id });
    await oidc.tokenRevocation(config, refreshed.access_token);
    expect(await oidc.tokenIntrospection(config, refreshed.access_token)).toMatchObject({ active: false });
  });

  it('openid-client PrivateKeyJwt without a kid: every fitting key of the set is tried (RS256)', async () => {
    const config = await discoverInProcess(h, inline.id, oidc.PrivateKeyJwt(inline.rs.privateKey));
    const tokens = await oidc.clientCredentialsGrant(config);
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
  });

  it('openid-client PrivateKeyJwt with keys from a jwks_uri (Ed25519): fetched once and cached', async () => {
    const before = jwks.hits();
    const config = await discoverInProcess(h, remote.id, oidc.PrivateKeyJwt({ key: remote.ed.privateKey, kid: 'ed-1' }));
    await oidc.clientCredentialsGrant(config);
    await oidc.clientCredentialsGrant(config);
    expect(jwks.hits() - before).toBe(1);
  });

  it('openid-client ClientSecretJwt: code flow and client_credentials, the HMAC keyed with the secret', async () => {
    const config = await discoverInProcess(h, hmac.id, oidc.ClientSecretJwt(hmac.secret));
    const tokens = await codeFlow(config);
    expect(tokens.claims()).toMatchObject({ sub: user.id, aud: hmac.id });
    expect((await oidc.clientCredentialsGrant(config)).access_token).toBeTruthy();
  });

  it('client_secret_jwt: HS512 works too, and a registered token_endpoint_auth_signing_alg is the only one accepted', async () => {
    expect((await tokenRequest(await assertion(hmac.id, secretKey(hmac.secret), 'HS512'))).status).toBe(200);
    await h.runtime.db.client.update({ where: { id: hmac.id }, data: { tokenEndpointAuthSigningAlg: 'HS512' } });
    try {
      await refused(await assertion(hmac.id, secretKey(hmac.secret), 'HS256'));
      expect((await tokenRequest(await assertion(hmac.id, secretKey(hmac.secret), 'HS512'))).status).toBe(200);
    } finally {
      await h.runtime.db.client.update({ where: { id: hmac.id }, data: { tokenEndpointAuthSigningAlg: null } });
    }
  });

  it('client_secret_jwt: a wrong secret, a revoked one, or one kept only as a hash does not verify', async () => {
    await refused(await assertion(hmac.id, secretKey('cs_not-the-secret-of-this-client-at-all-000000'), 'HS256'));
    await h.runtime.db.clientSecret.updateMany({ where: { clientId: hmac.id }, data: { revokedAt: h.clock.now } });
    try {
      await refused(await assertion(hmac.id, secretKey(hmac.secret), 'HS256'));
    } finally {
      await h.runtime.db.clientSecret.updateMany({ where: { clientId: hmac.id }, data: { revokedAt: null } });
    }
    await h.runtime.db.clientSecret.updateMany({ where: { clientId: hmac.id }, data: { sealed: null } });
    try {
      await refused(await assertion(hmac.id, secretKey(hmac.secret), 'HS256'));
    } finally {
      await h.runtime.db.clientSecret.updateMany({ where: { clientId: hmac.id }, data: { sealed: sealClientSecret(hmac.secret, h.config.secret) } });
    }
  });

  it('a replayed assertion (same jti) is refused, across endpoints', async () => {
    const once = await assertion(inline.id, inline.es.privateKey, 'ES256', {}, { kid: 'es-1' });
    expect((await tokenRequest(once)).status).toBe(200);
    expect(await refused(once)).toMatch(/already used/);
    const res = await call(h, 'revoke', { body: { token: 'x', client_assertion_type: JWT_BEARER, client_assertion: once } });
    expect(res.status).toBe(401);
  });

  it('audience: the issuer, the token endpoint URL and the URL of the endpoint called are accepted; anything else, or more, is not', async () => {
    const sign = (aud: unknown) => assertion(inline.id, inline.es.privateKey, 'ES256', { aud }, { kid: 'es-1' });
    expect((await tokenRequest(await sign(`${h.config.issuer}/oauth/token`))).status).toBe(200);
    expect((await tokenRequest(await sign([h.config.issuer]))).status).toBe(200);
    const introspected = await call(h, 'introspect', {
      path: '/oauth/introspect',
      body: { token: 'unknown', client_assertion_type: JWT_BEARER, client_assertion: await sign(`${h.config.issuer}/oauth/introspect`) },
    });
    expect(introspected.status).toBe(200);
    expect(await refused(await sign('https://other-as.example.com'))).toMatch(/aud/);
    await refused(await sign([h.config.issuer, 'https://other-as.example.com']));
    await refused(await sign(`${h.config.issuer}/oauth/userinfo`));
    await refused(await sign(`${h.config.issuer}/oauth/introspect`)); // not the endpoint called here
    await refused(await sign([]));
    await refused(await assertion(inline.id, inline.es.privateKey, 'ES256', { aud: undefined }, { kid: 'es-1' }));
  });

  it('time: expired, too long-lived, not yet valid or issued in the future is refused; exp is required', async () => {
    const sign = (claims: Record<string, unknown>) => assertion(inline.id, inline.es.privateKey, 'ES256', claims, { kid: 'es-1' });
    const t = now();
    expect(await refused(await sign({ iat: t - 600, exp: t - 120 }))).toMatch(/expired/);
    expect(await refused(await sign({ exp: t + 3600 }))).toMatch(/too far ahead/);
    await refused(await sign({ nbf: t + 600, exp: t + 300 }));
    await refused(await sign({ iat: t + 600, exp: t + 300 }));
    await refused(await sign({ exp: undefined }));
    expect((await tokenRequest(await sign({ iat: t + 20, nbf: t + 20, exp: t + 300 }))).status).toBe(200); // within the clock skew
  });

  it('iss, sub and client_id must all name the client; jti is required', async () => {
    const sign = (claims: Record<string, unknown>) => assertion(inline.id, inline.es.privateKey, 'ES256', claims, { kid: 'es-1' });
    await refused(await sign({ iss: plain.id }));
    await refused(await sign({ sub: plain.id }));
    await refused(await sign({ iss: plain.id, sub: plain.id }));
    await refused(await sign({}), { client_id: plain.id });
    await refused(await sign({ jti: undefined }));
    expect((await tokenRequest(await sign({}), { client_id: inline.id })).status).toBe(200);
  });

  it('alg "none" and HS256 for a private_key_jwt client are refused', async () => {
    const t = now();
    const claims = { iss: inline.id, sub: inline.id, aud: h.config.issuer, jti: randomUUID(), iat: t, exp: t + 60 };
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    expect(await refused(unsigned)).toMatch(/alg/);
    // The HMAC keyed with the client's public key (the classic confusion) and with its secret.
    await refused(await assertion(inline.id, secretKey(JSON.stringify(inline.es.publicJwk)), 'HS256'));
    await refused(await assertion(inline.id, secretKey(inline.id), 'HS256'));
  });

  it('another kind of JWT (typ) and a key the client never registered are refused', async () => {
    await refused(await assertion(inline.id, inline.es.privateKey, 'ES256', {}, { kid: 'es-1', typ: 'dpop+jwt' }));
    const stranger = await keyPair('ES256', 'es-1');
    await refused(await assertion(inline.id, stranger.privateKey, 'ES256', {}, { kid: 'es-1' }));
    expect((await tokenRequest(await assertion(inline.id, inline.es.privateKey, 'ES256', {}, { kid: 'es-1', typ: 'client-authentication+jwt' }))).status).toBe(200);
  });

  it('an assertion for a client registered with client_secret_basic is refused, and says no more than for an unknown client', async () => {
    const forBasic = await refused(await assertion(plain.id, secretKey(plain.secret), 'HS256'));
    const forUnknown = await refused(await assertion('no-such-client', secretKey(plain.secret), 'HS256'));
    expect(forBasic).toBe(forUnknown);
    expect(forBasic).not.toMatch(/exist|unknown|not found/i);
    const viaKey = await refused(await assertion('no-such-client', inline.es.privateKey, 'ES256', {}, { kid: 'es-1' }));
    expect(viaKey).toBe(forUnknown);
    // And the other way round: a private_key_jwt client may not use its (unused) secret with Basic.
    const res = await call(h, 'token', { body: { grant_type: 'client_credentials' }, headers: { authorization: basic(inline.id, 'cs_whatever') } });
    expect(res.status).toBe(401);
  });

  it('one method per request: Basic or client_secret with an assertion is invalid_request; the assertion parameters come together', async () => {
    const signed = await assertion(inline.id, inline.es.privateKey, 'ES256', {}, { kid: 'es-1' });
    const withBasic = await tokenRequest(signed, {}, { authorization: basic(plain.id, plain.secret) });
    expect(withBasic.status).toBe(400);
    expect(withBasic.body.error).toBe('invalid_request');
    const withSecret = await tokenRequest(signed, { client_secret: plain.secret });
    expect(withSecret.status).toBe(400);
    expect(withSecret.body.error).toBe('invalid_request');
    const typeOnly = await call(h, 'token', { body: { grant_type: 'client_credentials', client_id: inline.id, client_assertion_type: JWT_BEARER } });
    expect(typeOnly.status).toBe(400);
    const otherType = await call(h, 'token', {
      body: { grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:saml2-bearer', client_assertion: signed },
    });
    expect(otherType.status).toBe(401);
    await refused('not-a-jwt');
  });

  it('a jwks_uri on a loopback address nobody allow-listed is never fetched', async () => {
    await refused(await assertion(inward.id, inward.key.privateKey, 'ES256', {}, { kid: 'in-1' }));
    expect(trap.hits()).toBe(0);
  });

  // Moves the test clock: last, since openid-client signs with the real clock.
  it('jwks_uri: an unknown kid refetches the set (a rotation), at most once a minute, then fails', async () => {
    const rotated = await keyPair('ES256', 'es-2');
    jwks.keys = [remote.ed.publicJwk, rotated.publicJwk];
    const hitsBefore = jwks.hits();
    h.clock.advance(61);
    expect((await tokenRequest(await assertion(remote.id, rotated.privateKey, 'ES256', {}, { kid: 'es-2' }))).status).toBe(200);
    expect(jwks.hits()).toBe(hitsBefore + 1);

    const unpublished = await keyPair('ES256', 'es-3');
    await refused(await assertion(remote.id, unpublished.privateKey, 'ES256', {}, { kid: 'es-3' }));
    await refused(await assertion(remote.id, unpublished.privateKey, 'ES256', {}, { kid: 'es-3' }));
    expect(jwks.hits()).toBe(hitsBefore + 1); // refetched a moment ago: not again
    h.clock.advance(61);
    await refused(await assertion(remote.id, unpublished.privateKey, 'ES256', {}, { kid: 'es-3' }));
    expect(jwks.hits()).toBe(hitsBefore + 2); // one refetch, and the kid is still unknown
  });
});
